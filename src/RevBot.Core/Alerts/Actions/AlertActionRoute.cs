using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.Interactions;

namespace RevBot.Core.Alerts.Actions;

/// <summary>
/// The alert buttons ("alert.*"): Mute / Unmute change the presser's own direct messages (<see cref="AlertMutes"/>);
/// the others act on the alert (<see cref="AlertInteractions"/>), whose one form is the dismiss reason.
/// </summary>
internal static class AlertActionRoute
{
    public static CardActionRoute Route { get; } = CardActionRoute.Prefix(
        AlertActionIds.Prefix,
        (sp, p, userId, ct) => p.ActionId is AlertActionIds.Mute or AlertActionIds.Unmute
            ? sp.GetRequiredService<AlertMutes>().PressAsync(p.ActionId, p.Value, userId, p.PresserLanguage, ct)
            : sp.GetRequiredService<AlertInteractions>().PressAsync(p.ActionId, p.Value, userId, p.Channel, p.PresserLanguage, ct),
        (sp, s, state, userId, ct) => s.FormId == AlertActionIds.Dismiss
            ? sp.GetRequiredService<AlertInteractions>().SubmitAsync(state, s.Values, userId, s.Channel, s.PresserLanguage, ct)
            : CardActionRoute.UnknownForm(sp, s, state, userId, ct));
}

using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.Alerts;

/// <summary>"expansion.*": the Create expansion deal button and its form (<see cref="ExpansionInteractions"/>).</summary>
internal static class ExpansionActionRoute
{
    public static CardActionRoute Route { get; } = CardActionRoute.Prefix(
        ExpansionActionIds.Prefix,
        (sp, p, userId, ct) => sp.GetRequiredService<ExpansionInteractions>().PressAsync(p.ActionId, p.Value, userId, p.PresserLanguage, ct),
        (sp, s, state, userId, ct) => s.FormId == ExpansionActionIds.Form
            ? sp.GetRequiredService<ExpansionInteractions>().SubmitAsync(state, s.Values, userId, s.Channel, s.PresserLanguage, ct)
            : CardActionRoute.UnknownForm(sp, s, state, userId, ct));
}

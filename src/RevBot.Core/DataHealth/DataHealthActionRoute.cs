using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.DataHealth;

/// <summary>The data-health buttons ("data.*") and the one form they open, the merge (<see cref="DataHealthInteractions.Merge"/>).</summary>
internal static class DataHealthActionRoute
{
    public static CardActionRoute Route { get; } = CardActionRoute.Prefix(
        "data.",
        (sp, p, userId, ct) => sp.GetRequiredService<DataHealthInteractions>().PressAsync(p.ActionId, p.Value, userId, p.Channel, p.PresserLanguage, ct),
        (sp, s, state, userId, ct) => s.FormId == DataHealthInteractions.Merge
            ? sp.GetRequiredService<DataHealthInteractions>().SubmitAsync(state, s.Values, userId, s.Channel, s.PresserLanguage, ct)
            : CardActionRoute.UnknownForm(sp, s, state, userId, ct));
}

using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.Handoffs;

/// <summary>The hand-off's one button, "I'll take it" (<see cref="HandoffKinds.ClaimAction"/>); it opens no form.</summary>
internal static class HandoffActionRoute
{
    public static CardActionRoute Route { get; } = CardActionRoute.Id(
        HandoffKinds.ClaimAction,
        (sp, p, userId, ct) => sp.GetRequiredService<HandoffClaims>().ClaimAsync(p.Value, userId, p.Channel, p.PresserLanguage, ct));
}

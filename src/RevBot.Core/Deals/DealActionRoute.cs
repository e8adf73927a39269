using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.Deals;

/// <summary>The deal card's buttons and forms: every "deal.*" id goes to <see cref="DealInteractions"/>.</summary>
internal static class DealActionRoute
{
    public const string Prefix = "deal.";

    public static CardActionRoute Route { get; } = CardActionRoute.Prefix(
        Prefix,
        (sp, p, userId, ct) => sp.GetRequiredService<DealInteractions>().PressAsync(p.ActionId, p.Value, userId, p.Channel, p.Language, ct),
        (sp, s, state, userId, ct) => sp.GetRequiredService<DealInteractions>().SubmitAsync(s.FormId, state, s.Values, userId, s.Channel, s.Language, ct));
}

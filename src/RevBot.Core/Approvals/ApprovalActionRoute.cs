using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.Approvals;

/// <summary>Every "approval.*" button and form goes to <see cref="ApprovalInteractions"/>.</summary>
internal static class ApprovalActionRoute
{
    public static CardActionRoute Route { get; } = CardActionRoute.Prefix(
        ApprovalActionIds.Prefix,
        (sp, p, userId, ct) => sp.GetRequiredService<ApprovalInteractions>().PressAsync(p.ActionId, p.Value, userId, p.Channel, p.Language, ct),
        (sp, s, state, userId, ct) => sp.GetRequiredService<ApprovalInteractions>().SubmitAsync(s.FormId, state, s.Values, userId, s.Channel, s.Language, ct));
}

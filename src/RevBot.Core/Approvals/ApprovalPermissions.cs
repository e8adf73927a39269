using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Approvals;

/// <summary>
/// Who may decide a request, checked on every press (a button in a channel can be pressed by anyone there): RevOps, or
/// a manager above the requester in the reporting line; never the requester. Applying the change then goes through
/// the deal's own permission check as the approver (<see cref="DealCommandService"/>).
/// </summary>
internal static class ApprovalPermissions
{
    public static async Task<Reply?> RefusalAsync(RevBotDb db, User approver, ApprovalRequest request, string language, CancellationToken ct)
    {
        if (approver.Id == request.RequesterId) return ApprovalCards.Refused(language, nameof(Catalog.ApprovalRefusedOwn));
        if (approver.Role == UserRole.Revops) return null;
        if (approver.Role == UserRole.Manager && await DealPermissions.ManagesAsync(db, approver.Id, request.RequesterId, ct)) return null;
        var requester = await db.Users.Where(u => u.Id == request.RequesterId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return ApprovalCards.Refused(language, nameof(Catalog.ApprovalRefusedNotApprover), requester);
    }
}

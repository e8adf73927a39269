using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Approvals;

/// <summary>
/// Approve and reject. A decision is claimed with a conditional update (<c>WHERE status = 'pending'</c>), so of two
/// presses (two approvers, or one press delivered twice) one decides and the other is shown what was decided. An
/// approval runs the held change through <see cref="DealCommandService"/> as the approver, keyed by the request, so a
/// retried press applies it once: permissions, version check (a stale request is refused and both are told), audit and
/// CRM write-back as for any change. The requester's message is written with the final status, once.
/// </summary>
public sealed class ApprovalDecisions(RevBotDb db, DealCommandService commands, CompanyClock clock)
{
    public const string NoticeKind = "approval.decided";

    public async Task<Reply> ApproveAsync(string key, int? userId, ChangeChannel channel, string language, CancellationToken ct)
    {
        if (await CheckAsync(key, userId, language, ct) is not ({ } request, { } approver)) return await RefusalAsync(key, userId, language, ct);
        if (await DecidedAsync(request, approver, language, ct) is { } decided) return decided;
        if (request.Status == ApprovalStatus.Pending)
        {
            var claimed = await db.ApprovalRequests.Where(r => r.Id == request.Id && r.Status == ApprovalStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ApprovalStatus.Approving).SetProperty(r => r.DecidedByUserId, approver.Id).SetProperty(r => r.DecidedAt, clock.UtcNow), ct);
            // Lost the claim: to another approver (shown their decision), or to a twin of this very press (which
            // goes on below: the command's key makes the change apply once whichever delivery runs it).
            if (claimed == 0)
            {
                request = await db.ApprovalRequests.AsNoTracking().FirstAsync(r => r.Id == request.Id, ct);
                if (request.Status != ApprovalStatus.Approving || request.DecidedByUserId != approver.Id) return await ShowAsync(request.Id, language, ct);
            }
        }

        var change = ApprovalChange.Read(request.Change);
        var result = await commands.ExecuteAsync(change.Command(request, approver.Id, channel, language), ct);
        db.ChangeTracker.Clear();
        if (result.Status is DealCommandStatus.Forbidden or DealCommandStatus.UnknownUser)
        {
            // Not theirs to change after all (the deal moved to another owner): the request waits for someone who may.
            await db.ApprovalRequests.Where(r => r.Id == request.Id && r.Status == ApprovalStatus.Approving && r.DecidedByUserId == approver.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ApprovalStatus.Pending).SetProperty(r => r.DecidedByUserId, (int?)null).SetProperty(r => r.DecidedAt, (DateTime?)null), ct);
            return new Reply { Kind = ReplyKind.Refused, Language = language, Title = Texts.Get(language, nameof(Catalog.ApprovalRefusedTitle)), Text = result.Message };
        }
        var status = result.Status switch
        {
            DealCommandStatus.Applied or DealCommandStatus.Unchanged => ApprovalStatus.Approved,
            DealCommandStatus.Stale => ApprovalStatus.Stale,
            _ => ApprovalStatus.Failed,
        };
        await FinishAsync(request.Id, ApprovalStatus.Approving, status, approver, channel, status == ApprovalStatus.Failed ? result.Message : null, ct);
        // A twin of this press may still be finishing: what this one applied is known either way.
        return await ShowAsync(request.Id, language, ct, status, status == ApprovalStatus.Failed ? result.Message : null);
    }

    public async Task<Reply> RejectAsync(string key, string reason, int? userId, ChangeChannel channel, string language, CancellationToken ct)
    {
        if (await CheckAsync(key, userId, language, ct) is not ({ } request, { } approver)) return await RefusalAsync(key, userId, language, ct);
        if (await DecidedAsync(request, approver, language, ct) is { } decided) return decided;
        await FinishAsync(request.Id, ApprovalStatus.Pending, ApprovalStatus.Rejected, approver, channel, reason, ct);
        return await ShowAsync(request.Id, language, ct);
    }

    /// <summary>The request and the approver when the approver may decide it; (null, null) otherwise (see <see cref="RefusalAsync"/>).</summary>
    internal async Task<(ApprovalRequest?, User?)> CheckAsync(string key, int? userId, string language, CancellationToken ct)
    {
        var request = await db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        var approver = await CommandGate.ActorAsync(db, userId, ct);
        if (request is null || approver is null || await ApprovalPermissions.RefusalAsync(db, approver, request, language, ct) is not null) return (null, null);
        return (request, approver);
    }

    /// <summary>Why <see cref="CheckAsync"/> said no: an unknown request, an unknown presser, or someone who may not decide it.</summary>
    internal async Task<Reply> RefusalAsync(string key, int? userId, string language, CancellationToken ct)
    {
        var request = await db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (request is null) return ApprovalCards.Refused(language, nameof(Catalog.ApprovalNotFound));
        if (await CommandGate.ActorAsync(db, userId, ct) is not { } approver) return ApprovalCards.Refused(language, nameof(Catalog.ApprovalUnknownUser));
        return await ApprovalPermissions.RefusalAsync(db, approver, request, language, ct) ?? ApprovalCards.Refused(language, nameof(Catalog.ApprovalNotFound));
    }

    /// <summary>The decided card when the request is no longer this approver's to decide (decided, or being decided by someone else).</summary>
    internal async Task<Reply?> DecidedAsync(ApprovalRequest request, User approver, string language, CancellationToken ct) =>
        request.Status == ApprovalStatus.Pending || (request.Status == ApprovalStatus.Approving && request.DecidedByUserId == approver.Id)
            ? null
            : await ShowAsync(request.Id, language, ct);

    /// <summary>
    /// Moves the request from <paramref name="from"/> to its final status and, if this call moved it, writes the
    /// requester's message and an audit entry in the same transaction: a second delivery finds it moved and writes nothing.
    /// </summary>
    private async Task FinishAsync(long id, ApprovalStatus from, ApprovalStatus to, User approver, ChangeChannel channel, string? reason, CancellationToken ct)
    {
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.ApprovalRequests.Where(r => r.Id == id && r.Status == from && (from == ApprovalStatus.Pending || r.DecidedByUserId == approver.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, to).SetProperty(r => r.DecidedByUserId, approver.Id)
                .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecisionReason, reason), ct);
        if (moved == 0)
        {
            await transaction.RollbackAsync(ct);
            return;
        }
        var request = await db.ApprovalRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var requester = await db.Users.AsNoTracking().FirstAsync(u => u.Id == request.RequesterId, ct);
        var dealName = await db.Deals.Where(d => d.Id == request.DealId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? request.DealId;
        var language = PersonLanguage.Known(requester.Language, requester.ChatLocale) ?? request.Language;
        db.Outbox.Add(ApprovalOutbox.ToPerson(NoticeKind, requester, ApprovalCards.Notice(request, dealName, approver.Name, language), now));
        db.AuditLog.Add(new AuditEntry
        {
            At = now, UserId = approver.Id, Channel = channel, Entity = "approval", EntityId = request.Key, Action = "approval." + EnumText.Format(to),
            Changes = new JsonObject { ["deal"] = request.DealId, ["status"] = new JsonArray(EnumText.Format(from), EnumText.Format(to)), ["reason"] = reason }.ToJsonString(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<Reply> ShowAsync(long id, string language, CancellationToken ct, ApprovalStatus? outcome = null, string? reason = null)
    {
        var request = await db.ApprovalRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        if (request.Status == ApprovalStatus.Approving && outcome is { } known)
        {
            request.Status = known;
            request.DecisionReason = reason;
        }
        var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DealId, ct);
        var decider = request.DecidedByUserId is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        return ApprovalCards.Decided(request, deal, decider, language);
    }
}

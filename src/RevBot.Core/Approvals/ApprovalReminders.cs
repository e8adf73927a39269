using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;

namespace RevBot.Core.Approvals;

/// <summary>
/// Reminds the approver of each request still pending after the SLA, once: the reminder is claimed with a conditional
/// update (<c>SET reminded_at = now WHERE reminded_at IS NULL</c>) in the same transaction as its outbox rows, so of
/// several instances scanning at once exactly one writes it, and a failed save leaves it to the next scan.
/// </summary>
public sealed class ApprovalReminders(RevBotDb db, IOptions<ApprovalOptions> options, TimeProvider time)
{
    public const string OutboxKind = "approval.reminder";
    private const int Batch = 100;

    /// <summary>One scan; returns how many reminders this call wrote.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.ApprovalRequests.AsNoTracking().Where(r => r.Status == ApprovalStatus.Pending && r.RemindedAt == null && r.RemindAt <= now)
            .OrderBy(r => r.RemindAt).Select(r => r.Id).Take(Batch).ToListAsync(ct);
        var written = 0;
        foreach (var id in due)
            if (await RemindAsync(id, now, ct)) written++;
        return written;
    }

    private async Task<bool> RemindAsync(long id, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.ApprovalRequests.Where(r => r.Id == id && r.Status == ApprovalStatus.Pending && r.RemindedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindedAt, now), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }
        var request = await db.ApprovalRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var deal = await db.Deals.AsNoTracking().FirstAsync(d => d.Id == request.DealId, ct);
        var requester = await db.Users.Where(u => u.Id == request.RequesterId).Select(u => u.Name).FirstAsync(ct);
        string Notice(string language) => Texts.Get(language, nameof(Catalog.ApprovalReminderNotice), Deals.DealText.Ago(request.CreatedAt, now, language));
        if (request.ApproverUserId is { } approverId && await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == approverId, ct) is { } approver)
        {
            var language = PersonLanguage.Resolve(approver.Language, approver.ChatLocale);
            db.Outbox.Add(ApprovalOutbox.ToPerson(OutboxKind, approver, ApprovalCards.Request(request, deal, requester, language, Notice(language)), now));
        }
        if (ChannelTarget.TryParse(request.ApproverChannel, out var desk))
        {
            var language = options.Value.Language;
            db.Outbox.Add(ApprovalOutbox.ToChannel(OutboxKind, desk, ApprovalCards.Request(request, deal, requester, language, Notice(language)), now));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

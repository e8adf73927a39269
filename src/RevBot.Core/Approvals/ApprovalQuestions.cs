using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Deals;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Approvals;

/// <summary>
/// "my pending approvals" / "mis aprobaciones pendientes": the asker's own changes waiting for approval; "approvals
/// waiting on me" / "aprobaciones que me esperan": the requests the asker may decide (sent to them, or, for RevOps,
/// every pending one), each with its Approve / Reject buttons. Answered before the turn is read as a question.
/// </summary>
public sealed partial class ApprovalQuestions(RevBotDb db, CompanyClock clock) : IChatCommand
{
    private const int MaxShown = 10;

    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plain = DigestPhraseParser.Plain(request.Question);
        var waiting = Waiting().IsMatch(plain);
        if (!waiting && !Mine().IsMatch(plain)) return null;
        var language = QuestionLanguage.Of(request.Question);
        var asker = request.UserEmail is { } email ? await db.Users.AsNoTracking().WithEmail(email).FirstOrDefaultAsync(ct) : null;
        if (asker is null) return Make(language, nameof(Catalog.ApprovalRefusedTitle), Texts.Get(language, nameof(Catalog.ApprovalUnknownUser)), false);
        return waiting ? await WaitingAsync(asker, language, ct) : await MineAsync(asker, language, ct);
    }

    private async Task<Answer> MineAsync(User asker, string language, CancellationToken ct)
    {
        var rows = await (from r in db.ApprovalRequests.AsNoTracking()
                          where r.RequesterId == asker.Id && (r.Status == ApprovalStatus.Pending || r.Status == ApprovalStatus.Approving)
                          join d in db.Deals on r.DealId equals d.Id
                          join m in db.Users on r.ApproverUserId equals m.Id into approvers
                          from m in approvers.DefaultIfEmpty()
                          orderby r.CreatedAt
                          select new { Request = r, Deal = d, Approver = m == null ? null : m.Name }).Take(MaxShown).ToListAsync(ct);
        if (rows.Count == 0) return Make(language, nameof(Catalog.ApprovalMineTitle), Texts.Get(language, nameof(Catalog.ApprovalMineNone)));
        var now = clock.UtcNow;
        var lines = rows.Select(x => Texts.Get(language, nameof(Catalog.ApprovalMineLine), x.Deal.Name ?? x.Deal.Id,
            ApprovalText.Change(ApprovalChange.Read(x.Request.Change), x.Deal.Currency, language),
            x.Approver ?? Texts.Get(language, nameof(Catalog.ApprovalTheDealDesk)), DealText.Ago(x.Request.CreatedAt, now, language)));
        return Make(language, nameof(Catalog.ApprovalMineTitle), string.Join("\n", lines.Select(l => "• " + l)));
    }

    private async Task<Answer> WaitingAsync(User asker, string language, CancellationToken ct)
    {
        var pending = db.ApprovalRequests.AsNoTracking().Where(r => r.Status == ApprovalStatus.Pending && r.RequesterId != asker.Id);
        var candidates = await pending.Where(r => asker.Role == UserRole.Revops || r.ApproverUserId == asker.Id || asker.Role == UserRole.Manager)
            .OrderBy(r => r.CreatedAt).Take(MaxShown * 5).ToListAsync(ct);
        var mine = new List<ApprovalRequest>();
        foreach (var r in candidates)
        {
            if (mine.Count == MaxShown) break;
            // Only what they may decide: the same rule as the buttons (ApprovalPermissions).
            if (await ApprovalPermissions.RefusalAsync(db, asker, r, language, ct) is null) mine.Add(r);
        }
        if (mine.Count == 0) return Make(language, nameof(Catalog.ApprovalWaitingTitle), Texts.Get(language, nameof(Catalog.ApprovalWaitingNone)));
        var ids = mine.Select(r => r.DealId).Distinct().ToList();
        var deals = await db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var people = mine.Select(r => r.RequesterId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var now = clock.UtcNow;
        var rows = mine.Where(r => deals.ContainsKey(r.DealId)).Select(r =>
        {
            var deal = deals[r.DealId];
            var card = ApprovalCards.Request(r, deal, names.GetValueOrDefault(r.RequesterId, "?"), language);
            var line = Texts.Get(language, nameof(Catalog.ApprovalWaitingLine), deal.Name ?? deal.Id, ApprovalText.Change(ApprovalChange.Read(r.Change), deal.Currency, language),
                names.GetValueOrDefault(r.RequesterId, "?"), DealText.Ago(r.CreatedAt, now, language), ApprovalText.Reasons(ApprovalReason.Read(r.Reasons), deal.Currency, language));
            return new ReplyRow(line, card.Actions);
        }).ToList();
        var text = Texts.Get(language, nameof(Catalog.ApprovalWaitingCount), rows.Count);
        var answer = Make(language, nameof(Catalog.ApprovalWaitingTitle), text);
        return answer with { Reply = answer.Reply with { Rows = rows } };
    }

    private static Answer Make(string language, string titleKey, string text, bool understood = true) => new()
    {
        Understood = understood, Intent = "approvals", Language = language, Text = text,
        Reply = new Reply { Kind = understood ? ReplyKind.Answer : ReplyKind.NotUnderstood, Title = Texts.Get(language, titleKey), Text = text },
    };

    [GeneratedRegex(@"\b(approvals?|approval requests?) (waiting|pending) (on|for) me\b|\bwhat (needs|is waiting on|awaits) my approval\b|\b(aprobaciones|solicitudes de aprobacion) (que )?(me esperan|esperandome|pendientes de mi|que tengo que (aprobar|decidir))\b|\bque (tengo|me toca) (que )?aprobar\b")]
    private static partial Regex Waiting();

    [GeneratedRegex(@"\bmy (pending )?(approvals|approval requests)( pending)?\b|\bmis (aprobaciones|solicitudes de aprobacion)( pendientes)?\b")]
    private static partial Regex Mine();
}

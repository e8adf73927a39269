using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Approvals;

/// <summary>
/// The approval card's buttons: Approve decides at once; Reject opens a form asking why (a Slack modal, inputs on the
/// Teams card), and submitting it rejects. Answers are in the presser's platform language, else the card's.
/// </summary>
public sealed class ApprovalInteractions(RevBotDb db, ApprovalDecisions decisions)
{
    public async Task<Reply> PressAsync(string actionId, string value, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        if (!ReplyFormState.TryDecode(value, out var state))
            return ApprovalCards.Refused(Texts.LanguageOf(language), nameof(Catalog.ApprovalNotFound));
        var lang = Texts.LanguageOf(language ?? state.Language);
        if (actionId == ApprovalActionIds.Approve) return await decisions.ApproveAsync(state.RecordId, userId, channel, lang, ct);
        if (actionId != ApprovalActionIds.Reject) return ApprovalCards.Refused(lang, nameof(Catalog.DealButtonUnknown));
        // Checked again on submit; refusing here saves typing a reason that cannot be saved.
        if (await decisions.CheckAsync(state.RecordId, userId, lang, ct) is not ({ } request, { } approver))
            return await decisions.RefusalAsync(state.RecordId, userId, lang, ct);
        if (await decisions.DecidedAsync(request, approver, lang, ct) is { } decided) return decided;
        var form = ApprovalCards.RejectForm(request, await DealNameAsync(request, ct), new ReplyFormState(request.Key, 0, Guid.NewGuid().ToString("N")[..16], lang), lang);
        return new Reply { Kind = ReplyKind.Form, Language = lang, Title = form.Title, Text = form.Intro ?? form.Title, Form = form };
    }

    public async Task<Reply> SubmitAsync(string formId, ReplyFormState state, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(values);
        var lang = Texts.LanguageOf(language ?? state.Language);
        if (formId != ApprovalActionIds.Reject) return ApprovalCards.Refused(lang, nameof(Catalog.DealFormUnknown));
        var reason = (values.TryGetValue(ApprovalActionIds.ReasonField, out var v) ? v : null)?.Trim() ?? "";
        var error = reason.Length == 0 ? Texts.Get(lang, nameof(Catalog.ApprovalRejectReasonRequired))
            : reason.Length > ApprovalActionIds.MaxReason ? Texts.Get(lang, nameof(Catalog.ApprovalRejectReasonTooLong), ApprovalActionIds.MaxReason) : null;
        if (error is null) return await decisions.RejectAsync(state.RecordId, reason, userId, channel, lang, ct);
        var request = await db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Key == state.RecordId, ct);
        if (request is null) return ApprovalCards.Refused(lang, nameof(Catalog.ApprovalNotFound));
        var form = ApprovalCards.RejectForm(request, await DealNameAsync(request, ct), state, lang, error);
        return new Reply { Kind = ReplyKind.Form, Language = lang, Title = form.Title, Text = error, Form = form };
    }

    private async Task<string> DealNameAsync(ApprovalRequest request, CancellationToken ct) =>
        await db.Deals.Where(d => d.Id == request.DealId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? request.DealId;
}

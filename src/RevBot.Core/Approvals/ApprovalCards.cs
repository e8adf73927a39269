using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using static RevBot.Core.Approvals.ApprovalText;

namespace RevBot.Core.Approvals;

/// <summary>
/// What the approver sees (the request with Approve / Reject, then what was decided in its place) and what the
/// requester is told, each in the reader's language.
/// </summary>
internal static class ApprovalCards
{
    public static Reply Request(ApprovalRequest request, Deal deal, string requester, string language, string? notice = null)
    {
        var change = ApprovalChange.Read(request.Change);
        var name = deal.Name ?? deal.Id;
        var value = new ReplyFormState(request.Key, 0, Guid.NewGuid().ToString("N")[..16], language).Encode();
        return new Reply
        {
            Kind = ReplyKind.Card,
            Language = language,
            Title = T(language, nameof(Catalog.ApprovalCardTitle), name),
            Text = T(language, nameof(Catalog.ApprovalCardText), requester, name, Change(change, deal.Currency, language)),
            Notice = notice,
            Facts =
            [
                new(T(language, nameof(Catalog.ApprovalFactRequester)), requester),
                new(T(language, nameof(Catalog.DealCardAmount)), DealText.Money(deal.Amount, deal.Currency, language)),
                new(T(language, nameof(Catalog.DealCardStage)), deal.Stage),
                new(T(language, nameof(Catalog.ApprovalFactWhy)), Reasons(ApprovalReason.Read(request.Reasons), deal.Currency, language)),
            ],
            Actions =
            [
                new(ApprovalActionIds.Approve, T(language, nameof(Catalog.ApprovalButtonApprove)), value, ReplyActionStyle.Primary),
                new(ApprovalActionIds.Reject, T(language, nameof(Catalog.ApprovalButtonReject)), value, ReplyActionStyle.Danger),
            ],
        };
    }

    /// <summary>The card once decided: what happened, with no buttons left to press.</summary>
    public static Reply Decided(ApprovalRequest request, Deal? deal, string? decider, string language)
    {
        var name = deal?.Name ?? request.DealId;
        var text = request.Status switch
        {
            ApprovalStatus.Approved => T(language, nameof(Catalog.ApprovalDecidedApproved), decider, name),
            ApprovalStatus.Rejected => T(language, nameof(Catalog.ApprovalDecidedRejected), decider, request.DecisionReason),
            ApprovalStatus.Stale => T(language, nameof(Catalog.ApprovalDecidedStale), name),
            ApprovalStatus.Failed => T(language, nameof(Catalog.ApprovalDecidedFailed), request.DecisionReason),
            _ => T(language, nameof(Catalog.ApprovalBeingDecided), decider),
        };
        var change = ApprovalChange.Read(request.Change);
        return new Reply
        {
            Kind = ReplyKind.Card,
            Language = language,
            Title = T(language, nameof(Catalog.ApprovalCardTitle), name),
            Text = text,
            Context = [Change(change, deal?.Currency ?? "USD", language)],
        };
    }

    /// <summary>The requester's direct message once the request is decided.</summary>
    public static Reply Notice(ApprovalRequest request, string dealName, string? decider, string language)
    {
        var (title, text) = request.Status switch
        {
            ApprovalStatus.Approved => (nameof(Catalog.ApprovalNoticeApprovedTitle), T(language, nameof(Catalog.ApprovalNoticeApproved), decider, dealName)),
            ApprovalStatus.Rejected => (nameof(Catalog.ApprovalNoticeRejectedTitle), T(language, nameof(Catalog.ApprovalNoticeRejected), decider, dealName, request.DecisionReason)),
            ApprovalStatus.Stale => (nameof(Catalog.ApprovalNoticeNotAppliedTitle), T(language, nameof(Catalog.ApprovalNoticeStale), decider, dealName)),
            _ => (nameof(Catalog.ApprovalNoticeNotAppliedTitle), T(language, nameof(Catalog.ApprovalNoticeFailed), decider, dealName, request.DecisionReason)),
        };
        return new Reply
        {
            Kind = ReplyKind.Answer,
            Language = language,
            Title = T(language, title),
            Text = text,
            Actions = [new(DealActionIds.Open, T(language, nameof(Catalog.ApprovalButtonOpenDeal)), DealActionValue.Open(request.DealId, language))],
        };
    }

    public static ReplyForm RejectForm(ApprovalRequest request, string dealName, ReplyFormState state, string language, string? error = null) => new()
    {
        Id = ApprovalActionIds.Reject,
        Title = T(language, nameof(Catalog.ApprovalRejectTitle)),
        SubmitLabel = T(language, nameof(Catalog.ApprovalButtonReject)),
        Intro = T(language, nameof(Catalog.ApprovalRejectIntro), dealName),
        State = state,
        Fields =
        [
            new()
            {
                Id = ApprovalActionIds.ReasonField, Label = T(language, nameof(Catalog.ApprovalRejectReason)), Kind = ReplyFieldKind.Multiline, Required = true,
                MaxLength = ApprovalActionIds.MaxReason, RequiredError = T(language, nameof(Catalog.ApprovalRejectReasonRequired)), Error = error,
            },
        ],
    };

    public static Reply Refused(string language, string textKey, params object?[] args) =>
        new() { Kind = ReplyKind.Refused, Language = language, Title = T(language, nameof(Catalog.ApprovalRefusedTitle)), Text = T(language, textKey, args) };
}

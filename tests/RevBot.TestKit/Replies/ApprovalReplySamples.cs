using RevBot.Core.Approvals;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>
/// The approval card, its decided forms, the requester's notices, the reject form and the "waiting on me" list as Core
/// builds them (<c>ApprovalCards</c>), in English and Spanish, for the Slack and Teams conformance checks.
/// </summary>
public static class ApprovalReplySamples
{
    public static IReadOnlyList<(string Name, Reply Reply)> Cards() =>
    [
        ("approval request", ApprovalCards.Request(Request(), Deal(), "Rob Rep <Sales> & Co", "en")),
        ("approval request in Spanish", ApprovalCards.Request(Request(), Deal(), "Rob Rep", "es", "Recordatorio: esta solicitud sigue esperando una decisión (pedida hace 2 días).")),
        ("approval approved", ApprovalCards.Decided(Request(ApprovalStatus.Approved), Deal(), "Max Manager", "en")),
        ("approval rejected in Spanish", ApprovalCards.Decided(Request(ApprovalStatus.Rejected, "El descuento no está firmado"), Deal(), "Max", "es")),
        ("approval stale", ApprovalCards.Decided(Request(ApprovalStatus.Stale), Deal(), "Max Manager", "en")),
        ("approval notice rejected", ApprovalCards.Notice(Request(ApprovalStatus.Rejected, "Not <signed> & off"), "Acme <Corp> & Co", "Max Manager", "en")),
        ("approval notice stale in Spanish", ApprovalCards.Notice(Request(ApprovalStatus.Stale), "Acme", "Max Manager", "es")),
        ("approvals waiting on me", new Reply
        {
            Title = "Approvals waiting on you", Text = "Waiting for your decision: 10.",
            Rows = [.. Enumerable.Range(1, 10).Select(i => new ReplyRow($"Acme <Corp> {i}: amount $100,000 → $70,000, asked by Rob Rep 2 hours ago. Why: the amount is cut by 30%, more than 20%.", ApprovalCards.Request(Request(), Deal(), "Rob", "en").Actions))],
        }),
    ];

    public static IReadOnlyList<(string Name, ReplyForm Form)> Forms() =>
    [
        ("approval reject form", ApprovalCards.RejectForm(Request(), "Acme Corporation - renewal 2026", new ReplyFormState("0123456789abcdef0123456789abcdef", 0, "0123456789abcdef", "en"), "en")),
        ("approval reject form in Spanish with an error", ApprovalCards.RejectForm(Request(), "Acme", new ReplyFormState("0123456789abcdef0123456789abcdef", 0, "0123456789abcdef", "es"), "es", "Di por qué, para que el solicitante sepa qué cambiar.")),
    ];

    private static Deal Deal() => new() { Id = "deal-1", Name = "Acme Corporation <EMEA> & Partners - renewal 2026", Amount = 100_000m, Stage = "Proposal", Status = DealStatus.Open };

    private static ApprovalRequest Request(ApprovalStatus status = ApprovalStatus.Pending, string? reason = null)
    {
        var before = new DealValues("Proposal", 100_000m, new DateOnly(2026, 12, 15), ForecastCategory.Commit, null, null, DealStatus.Open, null, null);
        var after = before with { Amount = 70_000m, CloseDate = new DateOnly(2027, 1, 20) };
        return new ApprovalRequest
        {
            Key = "0123456789abcdef0123456789abcdef", CommandKey = "k", DealId = "deal-1", Language = "en", Status = status, DecisionReason = reason,
            Change = ApprovalChange.Of(DealCommandKind.Update, before, after).Write(),
            Reasons = ApprovalReason.Write([new(ApprovalReason.AmountCut, 30m, 20m), new(ApprovalReason.CommitQuarter, From: before.CloseDate, To: after.CloseDate), new(ApprovalReason.StageSkip, Detail: "Negotiation"), new(ApprovalReason.RoleLimit, 100_000m, 50_000m, "rep"), new(ApprovalReason.Discount, 25m, 15m)]),
        };
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using RevBot.Core.Deals;
using RevBot.Core.Domain;

namespace RevBot.Core.Approvals;

/// <summary>
/// The change a request holds, as the command an approval runs: its kind and the values it sets, written the
/// invariant way ("12500.5", "2026-03-31"), which reads the same in every language, so the approver's language
/// decides only the words of the answer. Only the fields the change touches are set; the rest stay as they are then.
/// <see cref="Diff"/> is what the approver is shown: each field's value before and after, as the audit log keeps them.
/// </summary>
public sealed record ApprovalChange(DealCommandKind Kind, DealFieldChanges Changes, string? LossReason, IReadOnlyList<DealFieldChange> Diff)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ApprovalChange Of(DealCommandKind kind, DealValues before, DealValues after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        string? Set<T>(T old, T @new, Func<T, string> text) => EqualityComparer<T>.Default.Equals(old, @new) ? null : text(@new);
        var changes = new DealFieldChanges
        {
            Status = Set(before.Status, after.Status, s => EnumText.Format(s)),
            Stage = after.Status == DealStatus.Open ? Set(before.Stage, after.Stage, s => s) : null,
            Amount = Set(before.Amount, after.Amount, a => a.ToString(decimal.Round(a) == a ? "0" : "0.00", CultureInfo.InvariantCulture)),
            CloseDate = Set(before.CloseDate, after.CloseDate, d => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
            ForecastCategory = Set(before.ForecastCategory, after.ForecastCategory, f => f is { } c ? EnumText.Format(c) : ""),
            // Won and lost set their own probability; a reopened deal goes back to its stage's.
            Probability = before.Status == after.Status ? Set(before.Probability, after.Probability, p => p?.ToString(CultureInfo.InvariantCulture) ?? "") : null,
            NextStep = Set(before.NextStep, after.NextStep, n => n ?? ""),
            Discount = Set(before.Discount, after.Discount, d => d?.ToString(CultureInfo.InvariantCulture) ?? ""),
        };
        // A push is applied as "pick this date" (see Command), so the approval lands on the date the requester saw.
        return new ApprovalChange(kind, changes with { LossReason = after.Status == DealStatus.Lost ? after.LossReason : null }, after.Status == DealStatus.Lost ? after.LossReason : null,
            new DealPlan(before, after, new Dictionary<string, string>(), "", false).Diff());
    }

    /// <summary>The command that applies it on the approver's behalf, based on the version the request was planned on.</summary>
    public DealCommand Command(ApprovalRequest request, int approverId, ChangeChannel channel, string language) => new()
    {
        Kind = Kind,
        DealId = request.DealId,
        ExpectedVersion = request.ExpectedVersion,
        IdempotencyKey = $"approval:{request.Key}",
        UserId = approverId,
        Channel = channel,
        Language = language,
        Changes = Changes,
        LossReason = LossReason,
        Push = DealPush.Pick,
        ApprovedRequestId = request.Id,
    };

    public string Write() => JsonSerializer.Serialize(this, Json);

    public static ApprovalChange Read(string json) => JsonSerializer.Deserialize<ApprovalChange>(json, Json) ?? throw new JsonException("empty change");
}

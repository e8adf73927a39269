using System.Globalization;
using System.Text.Json.Nodes;
using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>
/// A validated change: the values the deal will have, or the errors per field. <see cref="Action"/> names it in the
/// audit log (update, won, lost, reopen, push); <see cref="ChangesClosedStatus"/> marks reopening a closed deal or
/// turning won into lost, which only managers and RevOps may do.
/// </summary>
internal sealed record DealPlan(DealValues Before, DealValues After, IReadOnlyDictionary<string, string> Errors, string Action, bool ChangesClosedStatus)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The fields that change, each as [old, new] JSON values, in a fixed order.</summary>
    public IReadOnlyList<DealFieldChange> Diff()
    {
        var changes = new List<DealFieldChange>();
        void Add(string field, JsonNode? old, JsonNode? @new)
        {
            if (!JsonNode.DeepEquals(old, @new)) changes.Add(new DealFieldChange(field, old, @new));
        }

        Add(DealFields.Status, EnumText.Format(Before.Status), EnumText.Format(After.Status));
        Add(DealFields.Stage, Before.Stage, After.Stage);
        Add(DealFields.Amount, Before.Amount, After.Amount);
        Add(DealFields.CloseDate, Day(Before.CloseDate), Day(After.CloseDate));
        Add(DealFields.ForecastCategory, Forecast(Before.ForecastCategory), Forecast(After.ForecastCategory));
        Add(DealFields.Probability, Before.Probability, After.Probability);
        Add(DealFields.NextStep, Before.NextStep, After.NextStep);
        Add(DealFields.LossReason, Before.LossReason, After.LossReason);
        Add(DealFields.Discount, Before.Discount, After.Discount);
        Add(DealFields.ClosedAt, Instant(Before.ClosedAt), Instant(After.ClosedAt));
        return changes;
    }

    private static JsonNode? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonNode? Forecast(ForecastCategory? category) => category is { } c ? EnumText.Format(c) : null;

    private static JsonNode? Instant(DateTime? at) => at?.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

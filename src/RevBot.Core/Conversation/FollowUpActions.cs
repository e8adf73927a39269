using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>The buttons under an answer: the natural next questions, asked in the same conversation.</summary>
internal static class FollowUpActions
{
    public const string Ask = "ask";

    public static IReadOnlyList<ReplyAction> For(MetricDefinition def, MetricQuery query, AnswerFormatter f)
    {
        var name = def.Name(f.Language);
        var actions = new List<ReplyAction>();
        var by = def.Unit is MetricUnit.Ratio or MetricUnit.Currency && !IsSubscriptionMetric(def) ? Dimension.Owner : Dimension.Segment;
        // Only a breakdown the metric supports is offered: LTV:CAC and CAC cannot be split, so "by segment" would be refused.
        if (query.GroupBy is null && MetricSupport.Supports(def.Id, by, breakdown: true))
        {
            var dimension = DimensionText.Name(by, f.Language);
            actions.Add(new ReplyAction(Ask, f.Text(nameof(Catalog.AnswerActionBy), dimension), f.Text(nameof(Catalog.AnswerAskBy), name, query.Period.Label, dimension)));
        }
        actions.Add(new ReplyAction(Ask, f.Text(nameof(Catalog.AnswerActionHowCalculated)), f.Text(nameof(Catalog.AnswerAskHowCalculated), name)));
        return actions;
    }

    // Read from accounts' subscriptions: split by segment. The ARR bridge legs follow deals' owners as the rest do.
    private static bool IsSubscriptionMetric(MetricDefinition def) => def.Basis is MetricBasis.Subscriptions or MetricBasis.Cohorts or MetricBasis.DealAccounts;
}

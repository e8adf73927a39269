using RevBot.Core.Answers;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// Lists the product already keeps: "which deals are stalled?" and "accounts at risk of churning" are the alerts
/// engine's findings; "renewals in the next 30 days" lists the open renewal deals closing then. They are read before
/// the metric, so "at risk of churning" never becomes the churn rate. They take the conditions metric questions take
/// ("over 50k", "excluding EMEA", "West and East", "by region"); FindingLists applies them or refuses them by name.
/// </summary>
internal sealed partial class QuestionReader
{
    /// <summary>How far "upcoming renewals" looks when the question names no period.</summary>
    private const int UpcomingDays = 90;

    /// <summary>A stalled-deal, churn-risk or ready-to-expand list, or null when the question asks for none.</summary>
    private ParsedQuestion? ReadFinding(ParsedQuestion q, Slots slots, ListShape list)
    {
        var finding = spans.FirstOrDefault(s => s.Cues.Any(c => c is { Kind: CueKind.Finding, Value: "stalled" or "churn_risk" or "expansion" }));
        if (finding is null)
            return null;
        // "deals at risk" are deals going nowhere; accounts, customers or "who" at risk may churn.
        var deals = spans.Any(s => s.Cues.Any(c => c is { Kind: CueKind.Concept, Value: "deal" }));
        // Accounts ready to expand are accounts whatever the words around them ("expansion plays").
        var subject = finding.Cues.Any(c => c.Value == "expansion") ? ListSubject.Expansion
            : finding.Cues.Any(c => c.Value == "stalled") || deals ? ListSubject.StalledDeals : ListSubject.ChurnRisk;
        const double confidence = 1;
        var filters = new Dictionary<Dimension, string>(slots.Filters);
        // A deal type is a filter like any other, so the answer can refuse it rather than drop it.
        if (slots.DealType is { } type)
            filters[Dimension.Type] = type.Value;
        return q with
        {
            Intent = Intent.List,
            ListSubject = subject,
            Confidence = Math.Round(confidence, 2),
            Period = slots.Period,
            Filters = filters,
            Conditions = slots.Sets.Count == 0 && slots.Amount is null ? QueryConditions.None : new QueryConditions { Sets = slots.Sets, Amount = slots.Amount },
            GroupBy = slots.GroupBy,
            // Carried so the answer says a finding list has no chart (AnswerCharts).
            Chart = slots.Chart,
            // "who's at risk" asks for everyone at risk, not the one winner "who sold the most" asks for.
            Limit = list.Limit is 1 && spans.Any(s => s.Has(CueKind.Who)) ? null : list.Limit,
        };
    }

    /// <summary>"renewals in the next 30 days", "upcoming renewals": a renewal type with a period that has not started, or an "upcoming" word.</summary>
    private bool AsksUpcomingRenewals(Slots slots, bool lead) =>
        !lead && slots.DealType is { Value: "renewal" }
        && (spans.Any(s => s.Cues.Any(c => c is { Kind: CueKind.Finding, Value: "upcoming" })) || slots.Period is { } p && p.Start >= context.AsOf);

    private Period UpcomingRenewalPeriod() => resolver.Upcoming(PeriodGrain.Day, UpcomingDays);
}

using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// How the counts behind a metric read ("1,196 won of 1,985 closed"), by the wording its definition carries
/// (<see cref="MetricDefinition.Counts"/>). Each phrase uses only the numerator and denominator the engine returned, so
/// every number in the text is one of the answer's JSON values.
/// </summary>
internal static class CountPhrases
{
    public static string? For(MetricDefinition metric, MetricValue value, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (value.Numerator is not { } n) return null;
        var c = f.Count(n);
        var d = value.Denominator is { } den ? f.Count(den) : null;
        var m = f.Money(n);
        var md = value.Denominator is { } den2 ? f.Money(den2) : null;
        var one = n == 1;
        ArrMovements.TryFromMetric(metric.Id, out var movement);
        var key = metric.Counts switch
        {
            CountWording.WonOfClosed when d is not null => nameof(Catalog.AnswerCountWonOfClosed),
            CountWording.RenewalsWonOfClosed when d is not null => nameof(Catalog.AnswerCountRenewalsWonOfClosed),
            CountWording.AmountWonOfClosed when md is not null => nameof(Catalog.AnswerCountAmountWonOfClosed),
            CountWording.DealsWon => nameof(Catalog.AnswerCountDealsWon),
            // An average's numerator is the total (won amount, cycle days): the deals are its denominator.
            CountWording.DealsWonBehindAverage when d is not null => nameof(Catalog.AnswerCountDealsWonBehindAverage),
            CountWording.Deals => nameof(Catalog.AnswerCountDeals),
            CountWording.AverageOfDealsWon when d is not null => nameof(Catalog.AnswerCountAverageOfDealsWon),
            CountWording.Customers => nameof(Catalog.AnswerCountCustomers),
            // ARR and MRR sum active subscriptions, and one customer may hold several: the count is of subscriptions.
            CountWording.ActiveSubscriptions => nameof(Catalog.AnswerCountActiveSubscriptions),
            // The bridge legs count the accounts that moved that way.
            CountWording.BridgeAccounts when movement == ArrMovement.New => one ? nameof(Catalog.AnswerCountNewCustomersOne) : nameof(Catalog.AnswerCountNewCustomersOther),
            CountWording.BridgeAccounts when movement == ArrMovement.Expansion => one ? nameof(Catalog.AnswerCountExpandedOne) : nameof(Catalog.AnswerCountExpandedOther),
            CountWording.BridgeAccounts when movement == ArrMovement.Contraction => one ? nameof(Catalog.AnswerCountDowngradedOne) : nameof(Catalog.AnswerCountDowngradedOther),
            CountWording.BridgeAccounts when movement == ArrMovement.Churn => one ? nameof(Catalog.AnswerCountChurnedOne) : nameof(Catalog.AnswerCountChurnedOther),
            CountWording.LtvOverCac when md is not null => nameof(Catalog.AnswerCountLtvOverCac),
            // LTV is margin per customer over the yearly logo churn (a fraction); velocity, value per cycle over its days.
            CountWording.Ltv when d is not null => nameof(Catalog.AnswerCountLtv),
            CountWording.Velocity when d is not null => nameof(Catalog.AnswerCountVelocity),
            CountWording.OfStartingArr when md is not null => nameof(Catalog.AnswerCountOfStartingArr),
            CountWording.CustomersLost when d is not null => nameof(Catalog.AnswerCountCustomersLost),
            CountWording.CustomersExpanded when d is not null => nameof(Catalog.AnswerCountCustomersExpanded),
            CountWording.BookingsOfQuota when md is not null => nameof(Catalog.AnswerCountBookingsOfQuota),
            // No quota loaded: the bookings are still stated, never an attainment of 0.
            CountWording.BookingsOfQuota => nameof(Catalog.AnswerCountBookings),
            CountWording.PipelineToGo when md is null => nameof(Catalog.AnswerCountPipeline),
            CountWording.PipelineToGo => nameof(Catalog.AnswerCountPipelineToGo),
            CountWording.GapOverWinRate when value.Denominator is not null => nameof(Catalog.AnswerCountGapOverWinRate),
            CountWording.GapOverWinRate => nameof(Catalog.AnswerCountGapNoHistory),
            CountWording.SpendForNewCustomers when d is not null => nameof(Catalog.AnswerCountSpendForNewCustomers),
            CountWording.ForecastVsActual when md is not null => nameof(Catalog.AnswerCountForecastVsActual),
            CountWording.ClosedPlusWeighted when md is not null => nameof(Catalog.AnswerCountClosedPlusWeighted),
            CountWording.ForecastOfQuota when md is not null => nameof(Catalog.AnswerCountForecastOfQuota),
            _ => null,
        };
        if (key is null) return d is null ? null : $"{c} / {d}";
        // Each wording's placeholders: {0} the count, {1} the count behind it, {2} the amount, {3} the amount behind it,
        // {4} the number behind it as a percentage.
        return Texts.Get(f.Language, key, c, d, m, md, value.Denominator is { } rate ? f.Percent(rate) : null);
    }
}

namespace RevBot.Core.Metrics;

/// <summary>
/// How the numerator and denominator behind a value read in an answer ("1,196 won of 1,985 closed"); the words are
/// in <see cref="Conversation.CountPhrases"/>. <see cref="Plain"/> shows "n / d" when there is a denominator.
/// </summary>
public enum CountWording
{
    Plain,
    WonOfClosed,
    RenewalsWonOfClosed,
    AmountWonOfClosed,
    DealsWon,
    DealsWonBehindAverage,
    AverageOfDealsWon,
    Deals,
    ClosedPlusWeighted,
    ForecastFromHistory,
    ForecastOfQuota,
    Customers,
    ActiveSubscriptions,
    BridgeAccounts,
    OfStartingArr,
    CustomersLost,
    CustomersExpanded,
    BookingsOfQuota,
    PipelineToGo,
    GapOverWinRate,
    SpendForNewCustomers,
    ForecastVsActual,
    LtvOverCac,
    Ltv,
    Velocity,
}

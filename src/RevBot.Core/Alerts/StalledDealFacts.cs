namespace RevBot.Core.Alerts;

/// <summary>
/// What the database found about one open deal that breaks at least one stalled rule: the measurements behind each rule
/// (null when the data to measure is missing) and who owns the deal and its account.
/// </summary>
internal sealed record StalledDealFacts(
    string DealId,
    string DealName,
    string? AccountName,
    decimal Amount,
    string Stage,
    int? StageDays,
    double StageNormDays,
    int? QuietDays,
    bool HasActivity,
    DateOnly? CloseDate,
    int Pushes,
    decimal? AmountBefore,
    string? OwnerEmail,
    string? AccountOwnerEmail);

namespace RevBot.Core.Alerts;

/// <summary>
/// What the database found about one open deal that may break a stalled rule: the measurements behind each rule (null
/// when the data to measure is missing) and who owns the deal and its account. <see cref="StageNormDays"/> starts as
/// the floor; the scanner sets the stage's own norm.
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

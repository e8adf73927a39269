namespace RevBot.Core.Alerts;

/// <summary>
/// One account at risk as the database scored it: the score, each factor's measurement and the points it added (0 when
/// the factor is absent), and the account team's emails.
/// </summary>
internal sealed record ChurnRiskFacts(
    string AccountId,
    string AccountName,
    int Score,
    double? UsageDrop,
    double UsagePoints,
    int UrgentOpen,
    int HighOpen,
    double? Satisfaction,
    double SupportPoints,
    int? RenewsInDays,
    bool HasRenewalDeal,
    double RenewalPoints,
    double? Contraction,
    double ContractionPoints,
    double QuietPoints,
    string? OwnerEmail,
    string? SuccessEmail);

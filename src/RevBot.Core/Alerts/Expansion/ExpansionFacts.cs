namespace RevBot.Core.Alerts;

/// <summary>
/// One account ready to expand as the database scored it: the score, each factor's measurement and the points it added
/// (0 when absent), and the account team's emails.
/// </summary>
internal sealed record ExpansionFacts(
    string AccountId,
    string AccountName,
    int Score,
    string? Plan,
    double? UsageGrowth,
    double? LimitShare,
    double UsagePoints,
    int? PeakUsers,
    int? Seats,
    double SeatsPoints,
    int Tickets,
    double? Satisfaction,
    double HealthPoints,
    int? GapDays,
    bool EverExpanded,
    double GapPoints,
    string? OwnerEmail,
    string? SuccessEmail);

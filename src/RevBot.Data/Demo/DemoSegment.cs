namespace RevBot.Data.Demo;

/// <summary>A customer size band and the numbers that make it feel real: deal sizes, cycle length, deal and ticket volume.</summary>
internal sealed record DemoSegment(
    string Name,
    double Weight,
    int MinEmployees,
    int MaxEmployees,
    double MedianAmount,
    double AmountSigma,
    double CycleDays,
    double MeanDeals,
    double EstablishedShare,
    double WinFactor,
    int MinContacts,
    int MaxContacts,
    double TicketsPerYear);

namespace RevBot.Core.Metrics;

/// <summary>
/// The one aggregated column a metric's groups rank by, when its value is that column (bookings is the won amount):
/// the database can then rank the groups and send only the first ones (<see cref="MetricQuery.Top"/>).
/// </summary>
internal enum RankedStat
{
    Won,
    WonAmount,
    Lost,
    LostAmount,
    OpenAmount,
    OpenWeighted,
    CreatedAmount,
}

/// <summary>A breakdown ranked in the database: the groups whose <see cref="By"/> ranks within the first <see cref="Top"/>.</summary>
internal sealed record GroupRanking(RankedStat By, int Top);

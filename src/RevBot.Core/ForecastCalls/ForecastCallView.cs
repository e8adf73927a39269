using RevBot.Core.Domain;

namespace RevBot.Core.ForecastCalls;

/// <summary>What one person's card shows: the model's number for their deals (or their line's), the open deals, their calls.</summary>
public sealed record ForecastCallView(
    ForecastCall Call,
    User Owner,
    bool Team,
    decimal? Model,
    decimal OpenPipeline,
    IReadOnlyList<Deal> Deals,
    ForecastCallNumbers? ThisWeek,
    ForecastCallNumbers? LastWeek,
    string Currency,
    TimeZoneInfo Zone);

/// <summary>A submitted call: commit and best case.</summary>
public sealed record ForecastCallNumbers(decimal Commit, decimal BestCase);

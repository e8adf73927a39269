namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// What the model learns from: the company's feature cells at the past checkpoints (checkpoint 0 excluded), the same
/// for every filter and breakdown of the day.
/// </summary>
internal sealed record ForecastHistory(List<ForecastCell> Cells);

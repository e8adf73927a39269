namespace RevBot.Core.Metrics.Forecast;

/// <summary>What the model learns from: the past checkpoints' feature cells and run rates (checkpoint 0 excluded).</summary>
internal sealed record ForecastHistory(List<ForecastCell> Cells, List<ForecastRunRate> Rates);

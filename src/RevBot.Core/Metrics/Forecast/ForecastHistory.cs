namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// What the model learns from: the company's feature cells at the past checkpoints (checkpoint 0 excluded), the same
/// for every filter and breakdown of the day.
/// </summary>
internal sealed record ForecastHistory(List<ForecastCell> Cells)
{
    private ForecastModel? _model;

    /// <summary>
    /// The model learned from these cells, without run rates (<see cref="ForecastModel.WithRunRates"/> adds a question's
    /// or group's): built once per table, not once per question and group. Two questions racing build it twice, alike.
    /// </summary>
    public ForecastModel Model => _model ??= new ForecastModel(Cells, [], ForecastCheckpoints.TrainingPeriods);
}

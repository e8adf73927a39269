namespace RevBot.Core.Alerts;

/// <summary>
/// How long deals usually sit in a stage: the configured percentile of the whole days spent in it by the
/// <see cref="Exits"/> deals that left it within the lookback window.
/// </summary>
internal sealed record StageNorm(string Stage, double Days, long Exits);

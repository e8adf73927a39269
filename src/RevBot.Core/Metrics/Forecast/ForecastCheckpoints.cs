namespace RevBot.Core.Metrics.Forecast;

/// <summary>The moment predicted from, and the same moment of the periods before it.</summary>
internal static class ForecastCheckpoints
{
    /// <summary>Past periods read for training: one year of quarters (the seasons once each) keeps the pass short.</summary>
    public const int TrainingPeriods = 4;

    /// <param name="atUtc">What is known: up to this instant (clamped into the period).</param>
    public static IReadOnlyList<ForecastCheckpoint> For(MetricWindow window, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(window);
        var period = window.Period;
        if (!period.HasStart || !period.HasEnd) throw new ArgumentException("The forecast needs a period with a start and an end.", nameof(window));
        var from = window.FromUtc!.Value;
        var to = window.ToUtc!.Value;
        var at = atUtc > to ? to : atUtc;
        var offset = at - from;
        // Whole months shift by months (a quarter is always three of them); any other span by its length in days.
        var months = period.Start.Day == 1 && period.End.AddDays(1).Day == 1
            ? ((period.End.AddDays(1).Year - period.Start.Year) * 12) + period.End.AddDays(1).Month - period.Start.Month
            : 0;
        var list = new List<ForecastCheckpoint>(TrainingPeriods + 1);
        for (var j = 0; j <= TrainingPeriods; j++)
        {
            var first = months > 0 ? period.Start.AddMonths(-months * j) : period.Start.AddDays(-period.Days * j);
            var last = months > 0 ? period.End.AddDays(1).AddMonths(-months * j).AddDays(-1) : period.End.AddDays(-period.Days * j);
            var s = window.StartOfDayUtc(first);
            var e = window.StartOfDayUtc(last.AddDays(1));
            var t = s + offset > e ? e : s + offset;
            var atDay = DateOnly.FromDateTime(t);
            list.Add(new ForecastCheckpoint(j, s, t, e, first, atDay, last));
        }
        return list;
    }
}

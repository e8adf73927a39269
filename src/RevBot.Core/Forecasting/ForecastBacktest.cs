using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Forecast;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.Forecasting;

/// <summary>
/// Replays the forecast on past quarters: for each, at its start and some weeks in, the prediction made with only
/// what was known then (the model reads every table as of the checkpoint: deal history, stage history, creation and
/// close times), the CRM-weighted number as of then, and the company's forecast call taken by then, against what
/// the quarter actually booked.
/// </summary>
public sealed class ForecastBacktest(RevBotDb db, IOptions<CompanyOptions> options, CompanyClock clock)
{
    private readonly CompanyOptions _company = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <param name="periods">How many past quarters, the latest first found: quarters that ended by today and by the last closed deal's quarter.</param>
    /// <param name="checkpointWeeks">Weeks after each quarter's start to predict at (0 = its first day).</param>
    public async Task<BacktestReport> RunAsync(int periods, IReadOnlyList<int> checkpointWeeks, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentNullException.ThrowIfNull(checkpointWeeks);
        var rows = new List<BacktestRow>();
        foreach (var period in await QuartersAsync(periods, ct))
        {
            var context = new MetricContext(db, _company, MetricCatalog.Get(MetricIds.Forecast), MetricWindow.Create(period, clock), new Dictionary<Dimension, string>());
            var actual = await ActualAsync(context, ct);
            foreach (var weeks in checkpointWeeks)
            {
                var at = context.Window.FromUtc!.Value.AddDays(7 * weeks);
                if (at >= context.Window.ToUtc) continue;
                rows.Add(await RowAsync(context, period, weeks, at, actual, ct));
            }
        }
        return Score(rows);
    }

    /// <summary>One period-checkpoint: the model and the weighted number as of <paramref name="at"/>, and the latest company call taken by then.</summary>
    internal async Task<BacktestRow> RowAsync(MetricContext context, Period period, int weeks, DateTime at, decimal actual, CancellationToken ct)
    {
        var prediction = (await Forecaster.PredictAsync(context, null, at, withDeals: false, learned: null, current: false, ct)).Total;
        var call = await db.ForecastSnapshots.AsNoTracking()
            .Where(s => s.OwnerId == null && s.PeriodStart == period.Start && s.PeriodEnd == period.End && s.TakenAt <= at)
            .OrderByDescending(s => s.TakenAt).Select(s => (decimal?)s.Amount).FirstOrDefaultAsync(ct);
        return new BacktestRow(period.Label, weeks, actual, prediction.Expected, prediction.Weighted, call)
        {
            P10 = prediction.P10, P90 = prediction.P90, FromHistory = prediction.FromHistory,
        };
    }

    public static BacktestReport Score(IReadOnlyList<BacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var methods = new Dictionary<string, BacktestScore>(StringComparer.Ordinal)
        {
            ["history"] = Score(rows.Select(r => (r.Actual, (decimal?)r.History, r.P10, r.P90)), ranged: true),
            ["weighted"] = Score(rows.Select(r => (r.Actual, (decimal?)r.Weighted, (decimal?)null, (decimal?)null)), ranged: false),
            ["calls"] = Score(rows.Select(r => (r.Actual, r.Call, (decimal?)null, (decimal?)null)), ranged: false),
        };
        return new BacktestReport(methods, rows);
    }

    /// <summary>MAPE and bias over the rows with a prediction and a non-zero actual, as fractions; coverage over those with a range.</summary>
    private static BacktestScore Score(IEnumerable<(decimal Actual, decimal? Predicted, decimal? P10, decimal? P90)> rows, bool ranged)
    {
        var scored = rows.Where(r => r.Predicted is not null && r.Actual != 0).ToList();
        if (scored.Count == 0) return new BacktestScore(null, null, null);
        var errors = scored.Select(r => (double)((r.Predicted!.Value - r.Actual) / r.Actual)).ToList();
        var withRange = scored.Where(r => r.P10 is not null && r.P90 is not null).ToList();
        double? coverage = ranged && withRange.Count > 0 ? withRange.Count(r => r.Actual >= r.P10 && r.Actual <= r.P90) / (double)withRange.Count : null;
        return new BacktestScore(Math.Round(errors.Average(Math.Abs), 4), Math.Round(errors.Average(), 4), coverage is { } c ? Math.Round(c, 4) : null);
    }

    /// <summary>The last <paramref name="count"/> fiscal quarters that ended by today and by the quarter of the last closed deal, oldest first.</summary>
    private async Task<List<Period>> QuartersAsync(int count, CancellationToken ct)
    {
        var calendar = new FiscalCalendar(_company.FiscalYearStartMonth);
        var lastClose = await db.Deals.AsNoTracking().Where(d => d.ClosedAt != null).MaxAsync(d => d.ClosedAt, ct);
        var latest = lastClose is { } l && DateOnly.FromDateTime(l) < clock.Today ? DateOnly.FromDateTime(l) : clock.Today;
        // The quarter holding `latest` counts only if it has ended by today.
        var start = calendar.StartOf(PeriodGrain.Quarter, latest);
        if (FiscalCalendar.Add(PeriodGrain.Quarter, start, 1) > clock.Today) start = FiscalCalendar.Add(PeriodGrain.Quarter, start, -1);
        var quarters = new List<Period>();
        for (var i = count - 1; i >= 0; i--)
        {
            var s = FiscalCalendar.Add(PeriodGrain.Quarter, start, -i);
            var e = FiscalCalendar.Add(PeriodGrain.Quarter, s, 1).AddDays(-1);
            quarters.Add(new Period(s, e, $"{calendar.YearOf(s).ToString(CultureInfo.InvariantCulture)}-Q{calendar.QuarterOf(s).ToString(CultureInfo.InvariantCulture)}", PeriodGrain.Quarter));
        }
        return quarters;
    }

    private static async Task<decimal> ActualAsync(MetricContext context, CancellationToken ct)
    {
        var p = new SqlParameters(context.Dialect);
        var sql = $"SELECT SUM(amount) FROM deals WHERE status = 'won' AND closed_at >= {p.Instant(context.Window.FromUtc!.Value)} AND closed_at < {p.Instant(context.Window.ToUtc!.Value)}";
        return (await SqlRunner.QueryAsync(context.Db, sql, p, r => r.Number(0), ct))[0];
    }
}

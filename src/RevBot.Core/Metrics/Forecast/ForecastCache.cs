using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// Forecasts kept per database, day, period, filters and breakdown, for the process's life. A key also holds a stamp
/// of the writes that change a forecast: the newest deal-history and stage-history rows, the open deals' count and
/// the latest close. Any deal insert, amount or close-date change (deal history), stage move, close, reopen or
/// deletion of an open deal changes the stamp, so the next question recomputes; reading the stamp is four index
/// probes. Questions with value sets or an amount range are not cached (rare, and their keys would be long).
/// </summary>
internal static class ForecastCache
{
    private const int MaxEntries = 256;
    private static readonly ConcurrentDictionary<string, Task<Grouped<ForecastPrediction>>> Entries = new(StringComparer.Ordinal);

    public static async Task<Grouped<ForecastPrediction>> GetAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        var at = context.Window.AsOfEndUtc;
        if (!context.Conditions.IsEmpty)
            return await Forecaster.PredictAsync(context, groupBy, at, withDeals: true, ct);
        var filters = string.Join(";", context.Filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
        var key = string.Join("|", context.Db.Database.GetConnectionString(), context.Window.AsOf, context.Window.Period.Start, context.Window.Period.End,
            filters, groupBy, await StampAsync(context, ct));
        if (Entries.TryGetValue(key, out var known) && known.IsCompletedSuccessfully) return await known;
        if (Entries.Count >= MaxEntries) Entries.Clear();
        var computed = await Forecaster.PredictAsync(context, groupBy, at, withDeals: true, ct);
        Entries[key] = Task.FromResult(computed);
        return computed;
    }

    /// <summary>Forgets everything (tests that rewrite a database in place under the same connection string).</summary>
    public static void Clear() => Entries.Clear();

    private static async Task<string> StampAsync(MetricContext context, CancellationToken ct)
    {
        const string sql = "SELECT (SELECT MAX(id) FROM deal_history), (SELECT MAX(id) FROM deal_stage_history), " +
            "(SELECT COUNT(*) FROM deals WHERE status = 'open'), (SELECT MAX(closed_at) FROM deals WHERE status = 'won'), (SELECT MAX(closed_at) FROM deals WHERE status = 'lost')";
        var rows = await SqlRunner.QueryAsync(context.Db, sql, new SqlParameters(context.Dialect),
            r => $"{r.Text(0)}/{r.Text(1)}/{r.Text(2)}/{r.Text(3)}/{r.Text(4)}", ct);
        return rows[0];
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// Forecasts kept for the process's life, in two layers:
/// <list type="bullet">
/// <item>the answer, per database, day, period, filters and breakdown, with a stamp of every write that changes it:
/// the newest deal-history and stage-history rows, the open deals' count and the latest close. Any deal insert,
/// amount or close-date change, stage move, close, reopen or deletion of an open deal changes it, so the next
/// question recomputes;</item>
/// <item>the learned table (the whole company's cells at the past checkpoints: the expensive part), per database, day
/// and period whatever the filter or breakdown, with a stamp of the writes that can change the past: the newest sync
/// run and the newest import or sync in the audit log. A deal edited, created, moved or closed today does not change
/// what was known at past checkpoints (its history rows are dated now), so after such a write only the checkpoint of
/// today is read again (the open deals as they are now, one row each: the deal carries its push count and stage entry).
/// </item>
/// </list>
/// Reading both stamps is one statement of index probes. On PostgreSQL the open deals are read from the open-deal
/// rollup's 1,100 rows (kept by triggers in the writing transaction) instead of counting 77,000 index entries at scale
/// 100: their count and a hash of every row, which moves with any open deal's amount, stage, owner, source or own
/// probability. That stamp also covers the CRM-weighted forecast asked beside the prediction, so on PostgreSQL it is
/// kept in the same entry; on SQLite (no rollup, the count alone) it is read with every answer. Both layers are keyed
/// by the configured stage probabilities too, which the learned table and the weighted number read. Questions with
/// value sets or an amount range use the day's learned table, but their answers are not cached (rare, and their keys
/// would be long).
/// Each layer keeps only the newest stamp's entry for a key: a sync every few minutes renews the stamps, and the
/// superseded tables (several MB each on a large company) would otherwise stay until the cap cleared them.
/// </summary>
internal static class ForecastCache
{
    private const int MaxEntries = 256;
    private static readonly ConcurrentDictionary<string, (string Stamp, Grouped<ForecastPrediction> Answer, Grouped<MetricValue>? Weighted)> Entries = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (string Stamp, ForecastHistory History)> Learned = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (string Stamp, ForecastToday? Today)> Today = new(StringComparer.Ordinal);

    /// <summary>The prediction alone (the host's warm-up and tests).</summary>
    public static async Task<Grouped<ForecastPrediction>> GetAsync(MetricContext context, Dimension? groupBy, CancellationToken ct) =>
        (await GetAsync(context, groupBy, null, ct)).Prediction;

    /// <summary>
    /// The prediction and, when <paramref name="weighted"/> is given, the CRM-weighted forecast it computes, both kept
    /// under the same stamp: a cached ask reads the stamps and nothing else.
    /// </summary>
    public static async Task<(Grouped<ForecastPrediction> Prediction, Grouped<MetricValue>? Weighted)> GetAsync(
        MetricContext context, Dimension? groupBy, Func<Task<Grouped<MetricValue>>>? weighted, CancellationToken ct)
    {
        // Only PostgreSQL's stamp sees a deal's own probability change (see the summary).
        if (weighted is not null && !context.Dialect.IsPostgres)
            return ((await GetAsync(context, groupBy, null, ct)).Prediction, await weighted());
        var at = context.Window.AsOfEndUtc;
        var stages = string.Join(",", context.Company.EffectiveStages.Select(s => $"{s.Name}={s.Probability}"));
        var day = string.Join("|", context.Db.Database.GetConnectionString(), context.Window.AsOf, context.Window.Period.Start, context.Window.Period.End, stages);
        var (writes, past) = await StampsAsync(context, ct);
        // The learned table is the company's, whatever the filter or breakdown: one per database, day and period.
        ForecastHistory history;
        if (Learned.TryGetValue(day, out var learned) && learned.Stamp == past) history = learned.History;
        else
        {
            history = await Forecaster.LearnAsync(context, at, ct);
            if (Learned.Count >= MaxEntries) Learned.Clear();
            Learned[day] = (past, history);
        }
        // The answer rests on both stamps: a recorded import renews it even when it wrote nothing the first stamp sees.
        var stamp = writes + "|" + past;
        if (!context.Conditions.IsEmpty)
            return (await Forecaster.PredictAsync(context, groupBy, at, withDeals: true, history, current: true, ct), weighted is null ? null : await weighted());

        var filters = string.Join(";", context.Filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
        var key = string.Join("|", day, filters, groupBy);
        if (Entries.TryGetValue(key, out var known) && known.Stamp == stamp)
        {
            if (weighted is null || known.Weighted is not null) return (known.Answer, known.Weighted);
            var added = await weighted();
            Entries[key] = (stamp, known.Answer, added);
            return (known.Answer, added);
        }
        if (Entries.Count >= MaxEntries) Entries.Clear();
        // Today's slices are read with the company's first answer of the stamp (the host's warm-up), so a filter or
        // breakdown by region, segment or team asked later adds up slices instead of reading its deals. A filter asked
        // before them reads its own deals (a fraction of the company's; a breakdown reads them all anyway).
        ForecastToday? today = null;
        if (ForecastToday.Covers(context, groupBy))
        {
            if (Today.TryGetValue(day, out var read) && read.Stamp == stamp) today = read.Today;
            else if (context.Filters.Count == 0)
            {
                today = await ForecastToday.ReadAsync(context, at, ct);
                if (Today.Count >= MaxEntries) Today.Clear();
                Today[day] = (stamp, today);
            }
        }
        var computed = await Forecaster.PredictAsync(context, groupBy, at, withDeals: true, history, current: true, ct, today);
        var beside = weighted is null ? null : await weighted();
        Entries[key] = (stamp, computed, beside);
        return (computed, beside);
    }

    /// <summary>How many answers and learned tables are kept for the database at <paramref name="connectionString"/>.</summary>
    internal static (int Answers, int Learned) Kept(string connectionString) =>
        (Entries.Keys.Count(k => k.StartsWith(connectionString + "|", StringComparison.Ordinal)), Learned.Keys.Count(k => k.StartsWith(connectionString + "|", StringComparison.Ordinal)));

    /// <summary>How many of today's slice tables (<see cref="ForecastToday"/>) are kept for the database at <paramref name="connectionString"/>.</summary>
    internal static int SlicesKept(string connectionString) =>
        Today.Count(e => e.Key.StartsWith(connectionString + "|", StringComparison.Ordinal) && e.Value.Today is not null);

    /// <summary>Forgets everything (tests that rewrite a database in place under the same connection string).</summary>
    public static void Clear()
    {
        Entries.Clear();
        Learned.Clear();
        Today.Clear();
    }

    private static async Task<(string Writes, string Past)> StampsAsync(MetricContext context, CancellationToken ct)
    {
        var open = context.Dialect.IsPostgres
            ? "SELECT SUM(deals) FILTER (WHERE dimension = 'all') || '/' || " +
              "SUM(hashtext(concat_ws(':', dimension, value, stage, deals, amount, weighted, unweighted))::bigint) FROM open_deal_groups"
            : "SELECT COUNT(*) FROM deals WHERE status = 'open'";
        var sql = "SELECT (SELECT MAX(id) FROM deal_history), (SELECT MAX(id) FROM deal_stage_history), " +
            $"({open}), (SELECT MAX(closed_at) FROM deals WHERE status = 'won'), (SELECT MAX(closed_at) FROM deals WHERE status = 'lost'), " +
            "(SELECT MAX(id) FROM sync_runs), (SELECT MAX(at) FROM audit_log WHERE entity = 'import'), (SELECT MAX(at) FROM audit_log WHERE entity = 'sync')";
        var rows = await SqlRunner.QueryAsync(context.Db, sql, new SqlParameters(context.Dialect),
            r => ($"{r.Text(0)}/{r.Text(1)}/{r.Text(2)}/{r.Text(3)}/{r.Text(4)}", $"{r.Text(5)}/{r.Text(6)}/{r.Text(7)}"), ct);
        return rows[0];
    }
}

using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests;

/// <summary>
/// Last week's biggest moves in open pipeline: stage advances (from deal_stage_history: the last stage entered during
/// the week against the stage held when it began) and close dates pushed into a later quarter (from the audit log's
/// close-date changes). Each runs once per batch for all deals, with every deal's dimension keys, and digests pick
/// their filters' deals from it, so one range of the (entered_at, deal_id) index serves every subscriber.
/// </summary>
internal static class PipelineMoveQuery
{
    private static readonly Dimension[] Keyed =
        [Dimension.Owner, Dimension.Team, Dimension.Region, Dimension.Segment, Dimension.Industry, Dimension.Product, Dimension.Source, Dimension.Type, Dimension.Account];

    private static string KeyColumns => string.Join(", ", Keyed.Select(d => DealDimensions.Of(d).Key));

    private const string Joins = DealDimensions.AccountJoin + " " + DealDimensions.OwnerJoin;

    public static async Task<IReadOnlyList<StageMove>> AdvancesAsync(RevBotDb db, DateTime fromUtc, DateTime toUtc, IReadOnlyList<string> stageOrder, CancellationToken ct)
    {
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var from = p.Instant(fromUtc);
        var to = p.Instant(toUtc);
        var sql =
            $"SELECT d.id, d.name, d.amount, a.name, w.stage, " +
            $"(SELECT h.stage FROM deal_stage_history h WHERE h.deal_id = d.id AND h.entered_at < {from} ORDER BY h.entered_at DESC LIMIT 1), {KeyColumns} " +
            $"FROM (SELECT x.deal_id, MAX(x.entered_at) AS last_at FROM deal_stage_history x WHERE x.entered_at >= {from} AND x.entered_at < {to} GROUP BY x.deal_id) m " +
            "JOIN deal_stage_history w ON w.deal_id = m.deal_id AND w.entered_at = m.last_at " +
            $"JOIN deals d ON d.id = m.deal_id {Joins} WHERE d.status = 'open'";
        var rows = await SqlRunner.QueryAsync(db, sql, p, r => (Row: Read(r, r.Text(5), r.Text(4)), Before: r.Text(5)), ct);
        int Rank(string? stage) => stage is null ? -1 : IndexOf(stageOrder, stage);
        return [.. rows
            .Where(x => x.Before is not null && Rank(x.Row.To) > Rank(x.Before) && Rank(x.Before) >= 0)
            .Select(x => x.Row)
            .DistinctBy(m => m.DealId)];
    }

    /// <summary>Open deals whose close date was changed last week from one fiscal quarter into a later one (the last such change per deal).</summary>
    public static async Task<IReadOnlyList<StageMove>> PushedAsync(RevBotDb db, DateTime fromUtc, DateTime toUtc, Periods.FiscalCalendar fiscal, CancellationToken ct)
    {
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var sql =
            $"SELECT d.id, d.name, d.amount, a.name, l.changes, {KeyColumns} FROM audit_log l JOIN deals d ON d.id = l.entity_id {Joins} " +
            $"WHERE l.entity = 'deal' AND l.at >= {p.Instant(fromUtc)} AND l.at < {p.Instant(toUtc)} AND d.status = 'open' AND l.changes LIKE '%lose%ate%' " +
            "ORDER BY l.at, l.id";
        var rows = await SqlRunner.QueryAsync(db, sql, p, r => CloseDateChange(r.Text(4)) is var (from, to)
            && fiscal.StartOf(Periods.PeriodGrain.Quarter, to) > fiscal.StartOf(Periods.PeriodGrain.Quarter, from)
                ? Read(r, Day(from), Day(to), keysFrom: 5)
                : null, ct);
        // Later changes of the same deal replace earlier ones.
        var moves = new Dictionary<string, StageMove>(StringComparer.Ordinal);
        foreach (var move in rows.OfType<StageMove>()) moves[move.DealId] = move;
        return [.. moves.Values];
    }

    /// <summary>The [old, new] close dates of an audit entry's changes ("closeDate", as the deal commands write it, or "close_date").</summary>
    internal static (DateOnly From, DateOnly To)? CloseDateChange(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes)) return null;
        try
        {
            using var json = JsonDocument.Parse(changes);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Name is not ("closeDate" or "close_date") || property.Value is not { ValueKind: JsonValueKind.Array } pair || pair.GetArrayLength() != 2) continue;
                if (ParseDay(pair[0]) is { } from && ParseDay(pair[1]) is { } to) return (from, to);
            }
        }
        catch (JsonException)
        {
            // An entry written by hand that does not read says nothing about close dates.
        }
        return null;
    }

    private static DateOnly? ParseDay(JsonElement e) =>
        e.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StageMove Read(DbDataReader r, string? from, string? to, int keysFrom = 6)
    {
        var keys = new Dictionary<Dimension, string?>();
        for (var i = 0; i < Keyed.Length; i++) keys[Keyed[i]] = r.Text(keysFrom + i);
        return new StageMove(r.GetString(0), r.Text(1) ?? r.GetString(0), r.Number(2), r.Text(3), from ?? "", to ?? "", keys);
    }

    private static int IndexOf(IReadOnlyList<string> order, string stage)
    {
        for (var i = 0; i < order.Count; i++)
            if (string.Equals(order[i], stage, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

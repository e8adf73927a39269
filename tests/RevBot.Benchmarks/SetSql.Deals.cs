using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>
/// Hand-written SQL for the question set over the deals: filter by the indexed columns, aggregate by ids, then join
/// the few aggregated rows to their names. Breakdowns use ROLLUP so the total comes from the same statement, as the
/// answer gives both.
/// </summary>
internal sealed partial class SetSql
{
    public static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string D(DateOnly d) => "'" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static string Closed(Span p) => $"closed_at >= {D(p.From)} AND closed_at < {D(p.To)}";

    private static string And(string? where) => where is null ? "" : " AND " + where;

    private static string Named(string inner, string? nameTable) => nameTable is null
        ? inner
        : $"SELECT n.name, x.* FROM ({inner}) x LEFT JOIN {nameTable} n ON n.id = x.k";

    public string WinRate(Span p, string? where = null) =>
        $"SELECT count(*) FILTER (WHERE status = 'won'), count(*) FROM deals WHERE status IN ('won','lost') AND {Closed(p)}{And(where)}";

    public string WinRateBy(string column, string? nameTable, Span p) => Named(
        $"SELECT {column} k, count(*) FILTER (WHERE status = 'won') w, count(*) c FROM deals WHERE status IN ('won','lost') AND {Closed(p)} GROUP BY ROLLUP({column})", nameTable);

    public string WinRateValue(Span p, string segment) =>
        $"SELECT sum(d.amount) FILTER (WHERE d.status = 'won') / sum(d.amount) FROM deals d JOIN accounts a ON a.id = d.account_id AND a.segment = {Text(segment)} WHERE d.status IN ('won','lost') AND d.{Closed(p)}";

    public string Bookings(Span p, string? where = null) =>
        $"SELECT sum(amount), count(*) FROM deals WHERE status = 'won' AND {Closed(p)}{And(where)}";

    public string BookingsBy(string column, string? nameTable, Span p) => Named(
        $"SELECT {column} k, sum(amount) s, count(*) n FROM deals WHERE status = 'won' AND {Closed(p)} GROUP BY ROLLUP({column})", nameTable);

    // What a chat answer shows of a breakdown of many groups: the first 100, how many there are and the total.
    public string BookingsTopBy(string column, string nameTable, Span p) =>
        $"SELECT n.name, x.* FROM (SELECT {column} k, sum(amount) s, count(*) c, count(*) OVER () groups, sum(sum(amount)) OVER () total, sum(count(*)) OVER () deals " +
        $"FROM deals WHERE status = 'won' AND {Closed(p)} GROUP BY {column} ORDER BY s DESC LIMIT 100) x LEFT JOIN {nameTable} n ON n.id = x.k";

    public string BookingsByTeam(Span p) =>
        $"SELECT u.team, sum(x.s), sum(x.n) FROM (SELECT owner_id, sum(amount) s, count(*) n FROM deals WHERE status = 'won' AND {Closed(p)} GROUP BY owner_id) x LEFT JOIN users u ON u.id = x.owner_id GROUP BY ROLLUP(u.team)";

    public string BookingsByAccountColumn(string column, Span p) =>
        $"SELECT a.{column}, sum(x.s), sum(x.n) FROM (SELECT account_id, sum(amount) s, count(*) n FROM deals WHERE status = 'won' AND {Closed(p)} GROUP BY account_id) x LEFT JOIN accounts a ON a.id = x.account_id GROUP BY ROLLUP(a.{column})";

    // The deal's region is its account's, else its owner's (docs/metrics.md, Filters and breakdowns).
    public string CycleByRegion(Span p) =>
        $"SELECT coalesce(a.region, u.region), avg(extract(epoch FROM d.closed_at - d.created_at)) / 86400, count(*) FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN users u ON u.id = d.owner_id WHERE d.status = 'won' AND d.created_at IS NOT NULL AND d.{Closed(p)} GROUP BY ROLLUP(coalesce(a.region, u.region))";

    public string Cycle(Span p) =>
        $"SELECT avg(extract(epoch FROM closed_at - created_at)) / 86400, count(*) FROM deals WHERE status = 'won' AND created_at IS NOT NULL AND {Closed(p)}";

    public string Created(Span p) =>
        $"SELECT sum(amount), count(*) FROM deals WHERE created_at >= {D(p.From)} AND created_at < {D(p.To)}";

    public string CreatedBy(string column, Span p) =>
        $"SELECT {column}, sum(amount), count(*) FROM deals WHERE created_at >= {D(p.From)} AND created_at < {D(p.To)} GROUP BY ROLLUP({column})";

    public string Lost(Span p) => $"SELECT count(*), sum(amount) FROM deals WHERE status = 'lost' AND {Closed(p)}";

    public string LostBy(string column, Span p) =>
        $"SELECT {column}, count(*), sum(amount) FROM deals WHERE status = 'lost' AND {Closed(p)} GROUP BY ROLLUP({column})";

    public string Open(string? where = null) => $"SELECT sum(amount), count(*) FROM deals WHERE status = 'open'{And(where)}";

    public string OpenBy(string column) => $"SELECT {column}, sum(amount), count(*) FROM deals WHERE status = 'open' GROUP BY ROLLUP({column})";

    public string OpenByOwner(string? where = null) => Named(
        $"SELECT owner_id k, sum(amount) s, count(*) n FROM deals WHERE status = 'open'{And(where)} GROUP BY ROLLUP(owner_id)", "users");

    public string WeightedByOwner() => Named(
        "SELECT owner_id k, sum(amount * coalesce(probability, 0) / 100.0) s, count(*) n FROM deals WHERE status = 'open' GROUP BY ROLLUP(owner_id)", "users");

    // Open deals now × average won deal × win rate ÷ average cycle, the last three over the period.
    public string Velocity(Span p) =>
        $"SELECT (SELECT count(*) FROM deals WHERE status = 'open'), sum(amount) FILTER (WHERE status = 'won'), count(*) FILTER (WHERE status = 'won'), count(*), avg(extract(epoch FROM closed_at - created_at)) FILTER (WHERE status = 'won' AND created_at IS NOT NULL) FROM deals WHERE status IN ('won','lost') AND {Closed(p)}";

    public string AttainmentByRep(SetPeriods p) =>
        $"WITH b AS (SELECT owner_id, sum(amount) s FROM deals WHERE status = 'won' AND {Closed(p.Quarter)} GROUP BY owner_id) SELECT u.name, b.s, q.amount FROM quotas q LEFT JOIN b ON b.owner_id = q.owner_id LEFT JOIN users u ON u.id = q.owner_id WHERE q.period_start = {D(p.QuarterStart)}";

    // The period's pipeline (open deals closing in it) ÷ (its quota − bookings so far).
    public string Coverage(SetPeriods p) =>
        $"SELECT (SELECT sum(amount) FROM deals WHERE status = 'open' AND close_date >= {D(p.WholeQuarter.From)} AND close_date < {D(p.WholeQuarter.To)}), (SELECT sum(amount) FROM quotas WHERE period_start = {D(p.QuarterStart)}) - (SELECT sum(amount) FROM deals WHERE status = 'won' AND {Closed(p.Quarter)})";

    private const string DealRow = "SELECT d.id, d.name, d.amount, d.stage, d.close_date, a.name, u.name FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN users u ON u.id = d.owner_id";

    public string TopOpen(string where) => $"{DealRow} WHERE d.status = 'open' AND {where} ORDER BY d.amount DESC LIMIT 10";

    public string TopOpenEmea(string where) => $"{DealRow} WHERE d.status = 'open' AND {where} AND coalesce(a.region, u.region) = 'EMEA' ORDER BY d.amount DESC LIMIT 10";

    public string TopWon(Span p, int n) => $"{DealRow} WHERE d.status = 'won' AND d.{Closed(p)} ORDER BY d.amount DESC LIMIT {n}";
}

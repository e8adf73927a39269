using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Deals;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.DataHealth;

/// <summary>
/// The data-health report in a few GROUP BY queries: each returns the first <c>limit</c> groups and, through
/// <c>COUNT(*) OVER ()</c>, how many groups there are in all, so nothing is loaded row by row. Each query reads a whole
/// table (half a million contacts at benchmark size), so they run at the same time, each on its own connection.
/// </summary>
public sealed class DataHealthQueries(RevBotDb db, IServiceScopeFactory scopes)
{
    public async Task<DataHealthReport> RunAsync(DateOnly today, int limit, CancellationToken ct)
    {
        var dialect = SqlDialect.For(db.Database);
        string Fold(string column) => SearchText.Sql(column, dialect);
        // "Acme, Inc." and "ACME Inc" share a key: folded, without spaces and punctuation.
        var nameKey = SearchText.NameSql("a", dialect);
        foreach (var c in new[] { " ", ".", ",", "-", "'", "&" }) nameKey = $"replace({nameKey}, '{c.Replace("'", "''", StringComparison.Ordinal)}', '')";

        var byEmailTask = PairsAsync("""
            SELECT MIN(c.id), MAX(c.id), 1, COUNT(*) OVER () FROM contacts c
            WHERE c.email IS NOT NULL AND c.email <> '' GROUP BY lower(c.email) HAVING COUNT(*) > 1
            """, limit, ct);
        var byNameTask = PairsAsync($"""
            SELECT MIN(c.id), MAX(c.id), 1, COUNT(*) OVER () FROM contacts c
            WHERE c.account_id IS NOT NULL AND c.first_name IS NOT NULL AND c.last_name IS NOT NULL
            GROUP BY c.account_id, {Fold("c.first_name || ' ' || c.last_name")} HAVING COUNT(*) > 1
            """, limit, ct);
        var accountsByNameTask = PairsAsync($"""
            SELECT MIN(a.id), MAX(a.id), COUNT(DISTINCT lower(a.domain)), COUNT(*) OVER () FROM accounts a
            GROUP BY {nameKey} HAVING COUNT(*) > 1
            """, limit, ct);
        var accountsByDomainTask = PairsAsync($"""
            SELECT MIN(a.id), MAX(a.id), 1, COUNT(*) OVER () FROM accounts a
            WHERE a.domain IS NOT NULL AND a.domain <> '' GROUP BY lower(a.domain) HAVING COUNT(DISTINCT {nameKey}) > 1
            """, limit, ct);
        var dealsTask = DealIssuesAsync(dialect, today, Math.Min(limit, 3), ct);
        await Task.WhenAll(byEmailTask, byNameTask, accountsByNameTask, accountsByDomainTask, dealsTask);
        var (byEmail, byName, accountsByName, accountsByDomain) = (byEmailTask.Result, byNameTask.Result, accountsByNameTask.Result, accountsByDomainTask.Result);

        var contacts = await ContactLabelsAsync(byEmail.Rows.Concat(byName.Rows).SelectMany(r => new[] { r.First, r.Second }), ct);
        var accounts = await AccountLabelsAsync(accountsByName.Rows.Concat(accountsByDomain.Rows).SelectMany(r => new[] { r.First, r.Second }), ct);
        DataHealthCheck<DuplicatePair> Check(string label, Groups g, string entity, Dictionary<string, string> labels, Func<Row, string> reason) =>
            new(label, g.Total, [.. g.Rows.Select(r => new DuplicatePair(entity, r.First, labels.GetValueOrDefault(r.First, r.First), r.Second, labels.GetValueOrDefault(r.Second, r.Second), reason(r)))]);

        return new DataHealthReport(
            [
                Check("Contacts with the same e-mail", byEmail, "contact", contacts, _ => "same e-mail"),
                Check("Contacts with the same name at one account", byName, "contact", contacts, _ => "same name, same account"),
                Check("Accounts with the same name", accountsByName, "account", accounts, r => r.Flag == 1 ? "same name and domain" : "same name"),
                Check("Accounts sharing a domain", accountsByDomain, "account", accounts, _ => "same domain"),
            ],
            await dealsTask);
    }

    private async Task<IReadOnlyList<DataHealthCheck<DealIssue>>> DealIssuesAsync(SqlDialect dialect, DateOnly today, int limit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var p = new SqlParameters(dialect);
        var day = p.Day(today);
        var counts = (await SqlRunner.QueryAsync(db, $"""
            SELECT SUM(CASE WHEN d.amount = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN d.close_date < {day} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN d.owner_id IS NULL THEN 1 ELSE 0 END)
            FROM deals d WHERE d.status = 'open'
            """, p, r => new[] { r.Count(0), r.Count(1), r.Count(2) }, ct))[0];
        var checks = new List<DataHealthCheck<DealIssue>>();
        foreach (var (label, condition, count) in new[]
        {
            ("Open deals without an amount", "d.amount = 0", counts[0]),
            ("Open deals with a close date in the past", $"d.close_date < {day}", counts[1]),
            ("Open deals without an owner", "d.owner_id IS NULL", counts[2]),
        })
        {
            var examples = count == 0 ? [] : await SqlRunner.QueryAsync(db,
                $"SELECT d.id, d.name FROM deals d WHERE d.status = 'open' AND {condition} ORDER BY d.amount DESC, d.id LIMIT {limit}",
                p, r => new DealIssue(r.GetString(0), r.Text(1) ?? r.GetString(0), label), ct);
            checks.Add(new DataHealthCheck<DealIssue>(label, count, examples));
        }
        return checks;
    }

    private async Task<Groups> PairsAsync(string sql, int limit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var rows = await SqlRunner.QueryAsync(db, $"{sql}\nORDER BY 1 LIMIT {p.Add(limit)}", p,
            r => (Row: new Row(r.GetString(0), r.GetString(1), r.Count(2)), Total: r.Count(3)), ct);
        return new Groups([.. rows.Select(r => r.Row)], rows.Count == 0 ? 0 : rows[0].Total);
    }

    /// <summary>How contacts or accounts are named on buttons and forms: name, e-mail or domain, and id.</summary>
    public Task<Dictionary<string, string>> LabelsAsync(string entity, IEnumerable<string> ids, CancellationToken ct) =>
        entity == "contact" ? ContactLabelsAsync(ids, ct) : AccountLabelsAsync(ids, ct);

    private async Task<Dictionary<string, string>> ContactLabelsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Contacts.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, Account = c.Account!.Name }).ToListAsync(ct);
        return rows.ToDictionary(c => c.Id, c => $"{c.FirstName} {c.LastName} <{c.Email ?? "no e-mail"}> at {c.Account ?? "no account"} ({c.Id})".Trim());
    }

    private async Task<Dictionary<string, string>> AccountLabelsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Accounts.AsNoTracking().Where(a => wanted.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.Domain }).ToListAsync(ct);
        return rows.ToDictionary(a => a.Id, a => $"{a.Name} ({a.Domain ?? "no domain"}, {a.Id})");
    }

    private sealed record Row(string First, string Second, long Flag);

    private sealed record Groups(IReadOnlyList<Row> Rows, long Total);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.DataHealth;

/// <summary>
/// The data-health report in a few GROUP BY queries: each returns the first <c>limit</c> groups and, through
/// <c>COUNT(*) OVER ()</c>, how many groups there are in all, so nothing is loaded row by row. Each query reads a whole
/// table (half a million contacts at benchmark size), so they run at the same time, each on its own connection.
/// Labels, reasons and record names are in the asker's language.
/// </summary>
public sealed class DataHealthQueries(RevBotDb db, IServiceScopeFactory scopes)
{
    public async Task<DataHealthReport> RunAsync(DateOnly today, int limit, string language, CancellationToken ct)
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
        var dealsTask = DealIssuesAsync(dialect, today, Math.Min(limit, 3), language, ct);
        await Task.WhenAll(byEmailTask, byNameTask, accountsByNameTask, accountsByDomainTask, dealsTask);
        var (byEmail, byName, accountsByName, accountsByDomain) = (byEmailTask.Result, byNameTask.Result, accountsByNameTask.Result, accountsByDomainTask.Result);

        var contacts = await ContactLabelsAsync(byEmail.Rows.Concat(byName.Rows).SelectMany(r => new[] { r.First, r.Second }), language, ct);
        var accounts = await AccountLabelsAsync(accountsByName.Rows.Concat(accountsByDomain.Rows).SelectMany(r => new[] { r.First, r.Second }), language, ct);
        DataHealthCheck<DuplicatePair> Check(string labelKey, Groups g, string entity, Dictionary<string, string> labels, Func<Row, string> reasonKey) =>
            new(KeyOf(labelKey), Texts.Get(language, labelKey), g.Total,
                [.. g.Rows.Select(r => new DuplicatePair(entity, r.First, labels.GetValueOrDefault(r.First, r.First), r.Second, labels.GetValueOrDefault(r.Second, r.Second), Texts.Get(language, reasonKey(r))))]);

        return new DataHealthReport(
            [
                Check(nameof(Catalog.DataHealthCheckContactsSameEmail), byEmail, "contact", contacts, _ => nameof(Catalog.DataHealthWhySameEmail)),
                Check(nameof(Catalog.DataHealthCheckContactsSameName), byName, "contact", contacts, _ => nameof(Catalog.DataHealthWhySameNameAccount)),
                Check(nameof(Catalog.DataHealthCheckAccountsSameName), accountsByName, "account", accounts,
                    r => r.Flag == 1 ? nameof(Catalog.DataHealthWhySameNameDomain) : nameof(Catalog.DataHealthWhySameName)),
                Check(nameof(Catalog.DataHealthCheckAccountsSameDomain), accountsByDomain, "account", accounts, _ => nameof(Catalog.DataHealthWhySameDomain)),
            ],
            await dealsTask);
    }

    private async Task<IReadOnlyList<DataHealthCheck<DealIssue>>> DealIssuesAsync(SqlDialect dialect, DateOnly today, int limit, string language, CancellationToken ct)
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
        foreach (var (labelKey, condition, count) in new[]
        {
            (nameof(Catalog.DataHealthCheckDealsNoAmount), "d.amount = 0", counts[0]),
            (nameof(Catalog.DataHealthCheckDealsPastClose), $"d.close_date < {day}", counts[1]),
            (nameof(Catalog.DataHealthCheckDealsNoOwner), "d.owner_id IS NULL", counts[2]),
        })
        {
            var label = Texts.Get(language, labelKey);
            var examples = count == 0 ? [] : await SqlRunner.QueryAsync(db,
                $"SELECT d.id, d.name FROM deals d WHERE d.status = 'open' AND {condition} ORDER BY d.amount DESC, d.id LIMIT {limit}",
                p, r => new DealIssue(r.GetString(0), r.Text(1) ?? r.GetString(0), label), ct);
            checks.Add(new DataHealthCheck<DealIssue>(KeyOf(labelKey), label, count, examples));
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
    public Task<Dictionary<string, string>> LabelsAsync(string entity, IEnumerable<string> ids, string language, CancellationToken ct) =>
        entity == "contact" ? ContactLabelsAsync(ids, language, ct) : AccountLabelsAsync(ids, language, ct);

    /// <summary>A rule's key for programs: its English label in snake case, whatever the asker's language.</summary>
    private static string KeyOf(string labelKey) =>
        string.Join('_', Texts.Get(Texts.Neutral, labelKey).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private async Task<Dictionary<string, string>> ContactLabelsAsync(IEnumerable<string> ids, string language, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Contacts.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, Account = c.Account!.Name }).ToListAsync(ct);
        return rows.ToDictionary(c => c.Id, c => Texts.Get(language, nameof(Catalog.DataHealthContactLabel), c.FirstName, c.LastName,
            c.Email ?? Texts.Get(language, nameof(Catalog.DataHealthNoEmail)), c.Account ?? Texts.Get(language, nameof(Catalog.DataHealthNoAccount)), c.Id).Trim());
    }

    private async Task<Dictionary<string, string>> AccountLabelsAsync(IEnumerable<string> ids, string language, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Accounts.AsNoTracking().Where(a => wanted.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.Domain }).ToListAsync(ct);
        return rows.ToDictionary(a => a.Id, a => $"{a.Name} ({a.Domain ?? Texts.Get(language, nameof(Catalog.DataHealthNoDomain))}, {a.Id})");
    }

    private sealed record Row(string First, string Second, long Flag);

    private sealed record Groups(IReadOnlyList<Row> Rows, long Total);
}

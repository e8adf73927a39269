using System.Data.Common;
using System.Text.Json;
using RevBot.Core.Domain;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// Finds deals by what people type: words of the deal's name or its account's, in any case, with or without accents,
/// with a typo. SQL narrows (each word LIKE-matched against folded names, trigram-indexed on PostgreSQL, accounts
/// first so "acme" reaches every Acme deal), then only the candidates are ranked here: the asker's own deals first,
/// open before closed, then how well the words match. An exact pass runs first; the typo pass only if it finds nothing.
/// </summary>
public sealed class DealFinder(RevBotDb db)
{
    /// <summary>How many candidate deals SQL hands to the ranking, at most.</summary>
    public const int CandidateLimit = 400;

    /// <summary>A word matching more accounts than this names none in particular; its deals are found by their own names.</summary>
    private const int AccountLimit = 500;

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "for", "with", "of", "at", "on", "deal", "deals", "opportunity", "opp", "de", "del", "la", "el", "los", "las",
        "con", "para", "negocio", "negocios", "oportunidad",
    };

    public async Task<DealSearchResult> FindAsync(string text, int? userId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dialect = SqlDialect.For(db.Database);
        var raw = text.Trim();
        if (raw.Length is > 0 and <= 64)
        {
            var byId = await QueryAsync(dialect, userId, (p, _) => $"d.id = {p.Add(raw)}", 1, ct);
            if (byId.Count == 1) return new DealSearchResult([ToHit(byId[0], userId, 1)], 1, true, false);
        }
        var words = SearchText.Words(raw).Where(w => !Filler.Contains(w)).Distinct().ToList();
        var narrowing = words.Where(w => w.Length >= DealSearchPatterns.MinWordLength).ToList();
        if (narrowing.Count == 0) return DealSearchResult.Vague;

        foreach (var typos in new[] { false, true })
        {
            var conditions = new List<Func<SqlParameters, SqlDialect, string>>();
            foreach (var word in narrowing)
            {
                var patterns = DealSearchPatterns.For(word, typos);
                var accounts = await AccountsAsync(dialect, patterns, ct);
                conditions.Add((p, d) => Condition(p, d, patterns, accounts));
            }
            var rows = await QueryAsync(dialect, userId, (p, d) => string.Join(" AND ", conditions.Select(c => c(p, d))), CandidateLimit, ct);
            var ranked = Rank(rows, words, userId);
            if (ranked.Count > 0 || !narrowing.Any(w => w.Length >= 5))
                return new DealSearchResult([.. ranked.Take(limit)], ranked.Count, ranked.Count > 0 && IsExact(ranked[0], words), false);
        }
        return new DealSearchResult([], 0, false, false);
    }

    private static List<DealHit> Rank(List<Row> rows, List<string> words, int? userId) =>
    [
        .. rows.Select(r => ToHit(r, userId, DealMatcher.Score(words, [.. SearchText.Words(r.Name), .. SearchText.Words(r.Account)])))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Mine).ThenBy(h => h.Status != DealStatus.Open).ThenByDescending(h => h.Score)
            .ThenByDescending(h => h.CloseDate).ThenBy(h => h.Id, StringComparer.Ordinal),
    ];

    /// <summary>The words typed are the deal's whole name (ignoring case, accents and punctuation).</summary>
    private static bool IsExact(DealHit hit, List<string> words) =>
        SearchText.Words(hit.Name).Where(w => !Filler.Contains(w)).SequenceEqual(words, StringComparer.Ordinal);

    private static string Condition(SqlParameters p, SqlDialect dialect, IReadOnlyList<string> patterns, IReadOnlyList<string> accounts)
    {
        var name = SearchText.NameSql("d", dialect);
        var parts = patterns.Select(pattern => $"{name} LIKE {p.Add(pattern)}").ToList();
        if (accounts.Count > 0)
            parts.Add(dialect.IsPostgres ? $"d.account_id = ANY({p.Add(accounts.ToArray())})" : $"d.account_id IN (SELECT value FROM json_each({p.Add(JsonSerializer.Serialize(accounts))}))");
        return $"({string.Join(" OR ", parts)})";
    }

    private async Task<IReadOnlyList<string>> AccountsAsync(SqlDialect dialect, IReadOnlyList<string> patterns, CancellationToken ct)
    {
        var p = new SqlParameters(dialect);
        var name = SearchText.NameSql("a", dialect);
        var where = string.Join(" OR ", patterns.Select(pattern => $"{name} LIKE {p.Add(pattern)}"));
        var ids = await SqlRunner.QueryAsync(db, $"SELECT a.id FROM accounts a WHERE {where} LIMIT {p.Add(AccountLimit + 1)}", p, r => r.GetString(0), ct);
        return ids.Count > AccountLimit ? [] : ids;
    }

    private async Task<List<Row>> QueryAsync(SqlDialect dialect, int? userId, Func<SqlParameters, SqlDialect, string> where, int limit, CancellationToken ct)
    {
        var p = new SqlParameters(dialect);
        var condition = where(p, dialect);
        // Order and cut the deals first, then join the names: a common word can match a hundred thousand deals, and
        // joining them all to accounts before the LIMIT cost more than the search itself.
        var order = $"CASE WHEN d.owner_id = {p.Add(userId ?? -1)} THEN 0 ELSE 1 END, CASE WHEN d.status = 'open' THEN 0 ELSE 1 END, "
            + "CASE WHEN d.close_date IS NULL THEN 1 ELSE 0 END, d.close_date DESC, d.id";
        var sql = $"""
            SELECT d.id, d.name, a.name, u.name, d.owner_id, d.amount, d.currency, d.stage, d.status, d.close_date
            FROM (SELECT d.id, d.name, d.owner_id, d.amount, d.currency, d.stage, d.status, d.close_date, d.account_id
                  FROM deals d WHERE {condition} ORDER BY {order} LIMIT {p.Add(limit)}) d
            LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN users u ON u.id = d.owner_id
            ORDER BY {order}
            """;
        return await SqlRunner.QueryAsync(db, sql, p, Read, ct);
    }

    private static Row Read(DbDataReader r) => new(
        r.GetString(0), r.Text(1) ?? r.GetString(0), r.Text(2), r.Text(3), r.IsDBNull(4) ? null : Convert.ToInt32(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
        r.Number(5), r.GetString(6), r.GetString(7), EnumText.Parse<DealStatus>(r.GetString(8)), r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9));

    private static DealHit ToHit(Row r, int? userId, double score) =>
        new(r.Id, r.Name, r.Account, r.Owner, r.Amount, r.Currency, r.Stage, r.Status, r.CloseDate, userId is { } me && r.OwnerId == me, score);

    private sealed record Row(string Id, string Name, string? Account, string? Owner, int? OwnerId, decimal Amount, string Currency, string Stage, DealStatus Status, DateOnly? CloseDate);
}

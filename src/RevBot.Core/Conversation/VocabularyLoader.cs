using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// Reads the names questions may mention. One pass per small table (the people, the few distinct region, segment
/// and industry of the accounts), the account names, and the deals' stages, sources, products and loss reasons: on PostgreSQL read
/// from their own indexes (the VocabularyIndexes migration), one probe per distinct value, so no deal is read; on
/// SQLite (small by design) one DISTINCT. The only large result is the account names — all of them for the host's
/// cache, or for one question (<see cref="LoadForQuestionAsync"/>) only those its words could mean.
/// </summary>
internal static class VocabularyLoader
{
    /// <summary>Shorter words are too common to look accounts up by (a one-shot question's "q3", "by", "eu").</summary>
    private const int MinimumLookupWord = 3;

    public static async Task<QuestionVocabulary> LoadAsync(RevBotDb db, CancellationToken ct) => (await LoadAsync(db, previous: null, ct)).Vocabulary;

    /// <summary>
    /// Every name. Given what was loaded before, a refresh keeps what did not change instead of allocating it again:
    /// the account names when their stamp (a count and a sum of hashes of every id and name, computed by PostgreSQL:
    /// ~20 ms on 150,000 accounts, and exact within its snapshot) is the same, and the whole earlier vocabulary, with
    /// its matching index, when every list is the same too. So a refresh of an unchanged database allocates a few
    /// short lists, not 150,000 names twice.
    /// </summary>
    public static async Task<LoadedNames> LoadAsync(RevBotDb db, LoadedNames? previous, CancellationToken ct)
    {
        var stamp = SqlDialect.For(db.Database).IsPostgres
            ? (await db.Database.SqlQueryRaw<string>(
                "SELECT count(*)::text || ':' || COALESCE(sum(hashtext(id || chr(31) || name)::bigint), 0)::text AS \"Value\" FROM accounts").ToListAsync(ct))[0]
            : null;
        var accounts = stamp is not null && previous?.AccountsStamp == stamp
            ? previous.Vocabulary.Of(Dimension.Account)
            : await db.Accounts.AsNoTracking().Select(a => new NamedEntity(a.Id, a.Name)).ToListAsync(ct);
        var vocabulary = await WithAccountsAsync(db, accounts, ct);
        return previous is not null && Same(previous.Vocabulary, vocabulary) ? previous : new LoadedNames(vocabulary, stamp);
    }

    /// <summary>The same names: the account list is the very same one, and every other list is equal.</summary>
    private static bool Same(QuestionVocabulary before, QuestionVocabulary now) =>
        ReferenceEquals(before.Of(Dimension.Account), now.Of(Dimension.Account))
        && before.Entities.Count == now.Entities.Count
        && now.Entities.All(e => e.Key == Dimension.Account || before.Of(e.Key).SequenceEqual(e.Value));

    /// <summary>
    /// For a process that answers one question and exits (<c>revbot ask</c>): every small name list, but only the
    /// accounts whose folded name has a word like one of the question's (trigram word similarity on PostgreSQL, so a
    /// typo still finds its account), instead of every account. SQLite's few accounts are all read.
    /// </summary>
    public static async Task<QuestionVocabulary> LoadForQuestionAsync(RevBotDb db, string question, CancellationToken ct)
    {
        var words = Tokenizer.Tokenize(Tokenizer.Clean(question)).Select(t => t.Text)
            .Where(w => w.Length >= MinimumLookupWord).Distinct(StringComparer.Ordinal).Take(30).ToArray();
        return await WithAccountsAsync(db, await AccountsLikeAsync(db, words, ct), ct);
    }

    private static async Task<List<NamedEntity>> AccountsLikeAsync(RevBotDb db, string[] words, CancellationToken ct)
    {
        if (words.Length == 0) return [];
        // SQLite is the small embedded database: its few accounts are all read.
        if (!SqlDialect.For(db.Database).IsPostgres) return await db.Accounts.AsNoTracking().Select(a => new NamedEntity(a.Id, a.Name)).ToListAsync(ct);
        var trigrams = (await db.Database.SqlQueryRaw<bool>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS \"Value\"").ToListAsync(ct))[0];
        // name_fold is trigram-indexed (FoldedNames); "%>" is word similarity (a typo of one word of the name).
        var test = trigrams ? "name_fold %> {0}" : "name_fold LIKE '%' || {0} || '%'";
        var where = string.Join(" OR ", words.Select((_, i) => test.Replace("{0}", $"{{{i}}}", StringComparison.Ordinal)));
        // The words go in as parameters; only the placeholders are spliced.
        var sql = "SELECT * FROM accounts WHERE " + where;
        return await db.Accounts.FromSqlRaw(sql, [.. words.Cast<object>()])
            .AsNoTracking().Select(a => new NamedEntity(a.Id, a.Name)).ToListAsync(ct);
    }

    private static async Task<QuestionVocabulary> WithAccountsAsync(RevBotDb db, IReadOnlyList<NamedEntity> accounts, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Email, u.Name, u.Team, u.Region }).ToListAsync(ct);
        var places = await db.Accounts.Select(a => new { a.Region, a.Segment, a.Industry }).Distinct().ToListAsync(ct);
        var postgres = SqlDialect.For(db.Database).IsPostgres;
        var stages = postgres ? await DistinctAsync(db, "deals", "stage", ct) : await db.Deals.Select(d => (string?)d.Stage).Distinct().ToListAsync(ct);
        var sources = postgres ? await DistinctAsync(db, "deals", "source", ct) : await db.Deals.Select(d => d.Source).Distinct().ToListAsync(ct);
        var products = postgres ? await DistinctAsync(db, "deals", "product", ct) : await db.Deals.Select(d => d.Product).Distinct().ToListAsync(ct);
        var reasons = postgres ? await DistinctAsync(db, "deals", "loss_reason", ct) : await db.Deals.Select(d => d.LossReason).Distinct().ToListAsync(ct);
        var subscribed = postgres ? await DistinctAsync(db, "subscriptions", "product", ct) : await db.Subscriptions.Select(s => s.Product).Distinct().ToListAsync(ct);
        var entities = new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
        {
            [Dimension.Owner] = [.. users.Select(u => new NamedEntity(u.Email, u.Name))],
            [Dimension.Account] = accounts,
            [Dimension.Team] = Named(users.Select(u => u.Team)),
            [Dimension.Region] = Named(places.Select(p => p.Region).Concat(users.Select(u => u.Region))),
            [Dimension.Segment] = Named(places.Select(p => p.Segment)),
            [Dimension.Industry] = Named(places.Select(p => p.Industry)),
            [Dimension.Product] = Named(products.Concat(subscribed)),
            [Dimension.Source] = Named(sources),
            [Dimension.Stage] = Named(stages),
            [Dimension.LossReason] = Named(reasons.Where(r => !string.IsNullOrWhiteSpace(r))),
            [Dimension.Type] = [.. Enum.GetValues<DealType>().Select(t => new NamedEntity(EnumText.Format(t), EnumText.Format(t)))],
        };
        return new QuestionVocabulary(entities);
    }

    /// <summary>
    /// The distinct non-null values of an indexed column, one index probe each (a "loose index scan"): the next value
    /// after the last one found, until there is none. Table and column are this class's constants, never input.
    /// </summary>
    private static Task<List<string?>> DistinctAsync(RevBotDb db, string table, string column, CancellationToken ct)
    {
        var sql = $"""
            WITH RECURSIVE v AS (
              (SELECT {column} AS value FROM {table} WHERE {column} IS NOT NULL ORDER BY {column} LIMIT 1)
              UNION ALL
              SELECT (SELECT t.{column} FROM {table} t WHERE t.{column} > v.value ORDER BY t.{column} LIMIT 1) FROM v WHERE v.value IS NOT NULL)
            SELECT value AS "Value" FROM v WHERE value IS NOT NULL
            """;
        return db.Database.SqlQueryRaw<string?>(sql).ToListAsync(ct);
    }

    private static List<NamedEntity> Named(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => new NamedEntity(v, v))];
}

/// <summary>A loaded vocabulary and the stamp of the accounts it was read from (null on SQLite, which always reads them).</summary>
internal sealed record LoadedNames(QuestionVocabulary Vocabulary, string? AccountsStamp);

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// The names questions may mention (reps, teams, regions, segments, products, accounts…), read from the database with
/// a handful of DISTINCT queries and kept for a few minutes: a cache that may be lost, never state.
/// </summary>
public sealed class VocabularyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (QuestionVocabulary Vocabulary, DateTimeOffset LoadedAt)? _current;

    public async Task<QuestionVocabulary> GetAsync(RevBotDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_current is { } c && time.GetUtcNow() - c.LoadedAt < Lifetime) return c.Vocabulary;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && time.GetUtcNow() - again.LoadedAt < Lifetime) return again.Vocabulary;
            var vocabulary = await LoadAsync(db, ct);
            _current = (vocabulary, time.GetUtcNow());
            return vocabulary;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached names (after an import, or in tests).</summary>
    public void Invalidate() => _current = null;

    private static async Task<QuestionVocabulary> LoadAsync(RevBotDb db, CancellationToken ct)
    {
        var owners = await db.Users.AsNoTracking().Select(u => new NamedEntity(u.Email, u.Name)).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().Select(a => new NamedEntity(a.Id, a.Name)).ToListAsync(ct);
        var entities = new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
        {
            [Dimension.Owner] = owners,
            [Dimension.Account] = accounts,
            [Dimension.Team] = Named(await db.Users.Where(u => u.Team != null).Select(u => u.Team!).Distinct().ToListAsync(ct)),
            [Dimension.Region] = Named(
                (await db.Accounts.Where(a => a.Region != null).Select(a => a.Region!).Distinct().ToListAsync(ct))
                .Concat(await db.Users.Where(u => u.Region != null).Select(u => u.Region!).Distinct().ToListAsync(ct))),
            [Dimension.Segment] = Named(await db.Accounts.Where(a => a.Segment != null).Select(a => a.Segment!).Distinct().ToListAsync(ct)),
            [Dimension.Industry] = Named(await db.Accounts.Where(a => a.Industry != null).Select(a => a.Industry!).Distinct().ToListAsync(ct)),
            [Dimension.Product] = Named(
                (await db.Deals.Where(d => d.Product != null).Select(d => d.Product!).Distinct().ToListAsync(ct))
                .Concat(await db.Subscriptions.Where(s => s.Product != null).Select(s => s.Product!).Distinct().ToListAsync(ct))),
            [Dimension.Source] = Named(await db.Deals.Where(d => d.Source != null).Select(d => d.Source!).Distinct().ToListAsync(ct)),
            [Dimension.Stage] = Named(await db.Deals.Select(d => d.Stage).Distinct().ToListAsync(ct)),
            [Dimension.Type] = [.. Enum.GetValues<DealType>().Select(t => new NamedEntity(EnumText.Format(t), EnumText.Format(t)))],
        };
        return new QuestionVocabulary(entities);
    }

    private static List<NamedEntity> Named(IEnumerable<string> values) =>
        [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => new NamedEntity(v, v))];
}

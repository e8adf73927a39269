using Microsoft.EntityFrameworkCore;
using Npgsql;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using RevBot.Tests.Deals;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The question vocabulary refreshes in the background (stale while it refreshes): once it is old, questions are
/// answered at once from the names already loaded while one refresh runs, and the new names arrive when it is done.
/// The refresh is held up for as long as the test likes by a lock on a table only the vocabulary reads
/// (subscriptions; the pipeline questions asked meanwhile never touch it), released by the test.
/// </summary>
public sealed class VocabularyRefreshTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Question = "open pipeline for Umbrella Holdings";

    [Fact]
    public async Task Questions_asked_while_the_vocabulary_refreshes_are_answered_from_the_old_one_without_waiting()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        var before = await AskAsync(s, Question);
        await AddUmbrellaAsync(s);
        s.Time.Advance(VocabularyCache.Lifetime);

        var cache = s.Get<VocabularyCache>();
        Task refreshing;
        await using (var blocker = await LockSubscriptionsAsync(s))
        {
            var during = await AskAsync(s, Question);
            var again = await AskAsync(s, Question);
            refreshing = cache.Refreshing ?? throw new InvalidOperationException("the stale vocabulary started no refresh");

            // Answered while the refresh is still held up by the lock: from the old names, which know no Umbrella.
            Assert.False(refreshing.IsCompleted);
            Assert.Equal(before.Filters, during.Filters);
            Assert.Equal(before.Filters, again.Filters);
            Assert.DoesNotContain("acc-9", during.Filters?.Values ?? []);
            Assert.Same(refreshing, cache.Refreshing);
            await blocker.RollbackAsync(Ct);
        }
        await refreshing.WaitAsync(Ct);

        var after = await AskAsync(s, Question);
        Assert.Contains("acc-9", after.Filters!.Values);
        Assert.Null(cache.Refreshing);
    }

    [Fact]
    public async Task Fresh_names_are_kept_without_reading_the_database_again()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        await AskAsync(s, Question);
        await AddUmbrellaAsync(s);
        s.Time.Advance(VocabularyCache.Lifetime - TimeSpan.FromSeconds(1));

        var answer = await AskAsync(s, Question);

        Assert.Null(s.Get<VocabularyCache>().Refreshing);
        Assert.DoesNotContain("acc-9", answer.Filters?.Values ?? []);
    }

    [Fact]
    public async Task Invalidate_reads_the_names_again_and_questions_keep_the_old_ones_until_then()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        await AskAsync(s, Question);
        await AddUmbrellaAsync(s);
        var cache = s.Get<VocabularyCache>();

        Task refreshed;
        await using (var blocker = await LockSubscriptionsAsync(s))
        {
            refreshed = cache.Invalidate();
            var during = await AskAsync(s, Question);
            Assert.False(refreshed.IsCompleted);
            Assert.DoesNotContain("acc-9", during.Filters?.Values ?? []);
            await blocker.RollbackAsync(Ct);
        }
        await refreshed.WaitAsync(Ct);

        Assert.Contains("acc-9", (await AskAsync(s, Question)).Filters!.Values);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_old_names_and_is_tried_again_later()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        await AskAsync(s, Question);
        await AddUmbrellaAsync(s);
        var cache = s.Get<VocabularyCache>();
        s.Time.Advance(VocabularyCache.Lifetime);

        // The refresh's read of the subscriptions fails: the table is away (the pipeline questions never read it).
        await s.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE subscriptions RENAME TO subscriptions_away", Ct));
        await AskAsync(s, Question);
        await (cache.Refreshing ?? Task.CompletedTask).WaitAsync(Ct);
        var kept = await AskAsync(s, Question);

        Assert.DoesNotContain("acc-9", kept.Filters?.Values ?? []);
        Assert.Null(cache.Refreshing);

        await s.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE subscriptions_away RENAME TO subscriptions", Ct));
        s.Time.Advance(VocabularyCache.RetryAfter);
        await AskAsync(s, Question);
        await (cache.Refreshing ?? Task.CompletedTask).WaitAsync(Ct);
        Assert.Contains("acc-9", (await AskAsync(s, Question)).Filters!.Values);
    }

    [Fact]
    public async Task A_refresh_of_unchanged_names_keeps_the_same_ones_and_reads_only_what_changed()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        await AskAsync(s, Question);
        var cache = s.Get<VocabularyCache>();
        var first = cache.Current!;

        await cache.Invalidate();
        Assert.Same(first, cache.Current);

        // A new stage: a new vocabulary, but the very same account names (their stamp did not change).
        await s.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE deals SET stage = 'Legal review' WHERE id = 'deal-6'", Ct));
        await cache.Invalidate();
        var second = cache.Current!;
        Assert.NotSame(first, second);
        Assert.Contains("Legal review", second.Of(Dimension.Stage).Select(n => n.Name));
        Assert.Same(first.Of(Dimension.Account), second.Of(Dimension.Account));

        // A renamed account: read again.
        await s.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE accounts SET name = 'Initech Global' WHERE id = 'acc-5'", Ct));
        await cache.Invalidate();
        Assert.Contains("Initech Global", cache.Current!.Of(Dimension.Account).Select(n => n.Name));
    }

    private static Task<Answer> AskAsync(DealServices s, string question) =>
        s.UseAsync<AskService, Answer>(a => a.AskAsync(new AskRequest(question, null), Ct));

    private static async Task AddUmbrellaAsync(DealServices s)
    {
        await using var db = s.Database.NewContext();
        db.Accounts.Add(new Account { Id = "acc-9", Name = "Umbrella Holdings", Region = "NA", Segment = "SMB" });
        db.Deals.Add(new Deal
        {
            Id = "deal-9", Name = "Umbrella Holdings - new", AccountId = "acc-9", Amount = 7_000m, Stage = "Discovery", Status = DealStatus.Open,
            CloseDate = new DateOnly(2026, 12, 20), CreatedAt = new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A transaction holding the subscriptions table so that nobody can read it until it ends.</summary>
    private static async Task<TableLock> LockSubscriptionsAsync(DealServices s)
    {
        var connection = new NpgsqlConnection(s.Database.Target.ConnectionString);
        await connection.OpenAsync(Ct);
        var tx = await connection.BeginTransactionAsync(Ct);
        await using var command = new NpgsqlCommand("LOCK TABLE subscriptions IN ACCESS EXCLUSIVE MODE", connection, tx);
        await command.ExecuteNonQueryAsync(Ct);
        return new TableLock(connection, tx);
    }

    private sealed class TableLock(NpgsqlConnection connection, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public Task RollbackAsync(CancellationToken ct) => tx.RollbackAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

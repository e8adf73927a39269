using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Conversation;

public sealed class ConversationStoreTests
{
    private static readonly ParsedQuestion Question = new()
    {
        Intent = Intent.Metric,
        Metric = "bookings",
        Period = new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", PeriodGrain.Quarter),
        Filters = new Dictionary<Dimension, string> { [Dimension.Region] = "EMEA" },
        GroupBy = Dimension.Owner,
    };

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_context_survives_a_new_context_instance_and_expires_after_30_idle_minutes(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using (var ctx = db.NewContext()) await new ConversationStore(ctx, clock).SaveAsync("slack:T1:C1:1.2", Question, ct);

        clock.Advance(TimeSpan.FromMinutes(29));
        await using (var ctx = db.NewContext())
        {
            var loaded = await new ConversationStore(ctx, clock).LoadAsync("slack:T1:C1:1.2", ct);
            Assert.NotNull(loaded);
            Assert.Equal("bookings", loaded.Metric);
            Assert.Equal(Question.Period, loaded.Period);
            Assert.Equal("EMEA", loaded.Filters[Dimension.Region]);
            Assert.Equal(Dimension.Owner, loaded.GroupBy);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        await using (var ctx = db.NewContext())
        {
            Assert.Null(await new ConversationStore(ctx, clock).LoadAsync("slack:T1:C1:1.2", ct));
            Assert.Equal(1, await new ConversationStore(ctx, clock).PurgeExpiredAsync(ct));
        }
    }

    [Fact]
    public async Task Saving_again_replaces_the_context()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using (var ctx = db.NewContext())
        {
            var store = new ConversationStore(ctx, clock);
            await store.SaveAsync("cli:x", Question, ct);
            await store.SaveAsync("cli:x", Question with { Metric = "win_rate" }, ct);
        }
        await using (var ctx = db.NewContext())
            Assert.Equal("win_rate", (await new ConversationStore(ctx, clock).LoadAsync("cli:x", ct))!.Metric);
    }
}

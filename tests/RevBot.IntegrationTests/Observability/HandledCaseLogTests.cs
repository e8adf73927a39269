using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Storage;
using RevBot.Core.Work;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Security;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Observability;

/// <summary>
/// Cases RevBot handles are not errors in its log: a lost race on a new conversation's first question, and a full work
/// queue (summarised, one warning per interval with the count).
/// </summary>
public sealed class HandledCaseLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Instances_racing_to_save_a_new_conversation_log_no_error_and_the_last_write_wins(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var errors = new LogCapture(LogLevel.Error, exceptionsOnly: false);
        // EF Core logs through the host's logger factory, as in production: a failed INSERT would show here.
        await using var services = new ServiceCollection().AddLogging(b => b.AddProvider(errors)).AddRevBotData(database.Target).BuildServiceProvider();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var question = new ParsedQuestion { Intent = Intent.Metric, Metric = "bookings" };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Sixteen "instances" (each its own DbContext) save the first question of the same new conversation at once.
        var racers = Enumerable.Range(0, 16).Select(async i =>
        {
            await start.Task;
            await using var scope = services.CreateAsyncScope();
            await new ConversationStore(scope.ServiceProvider.GetRequiredService<RevBotDb>(), time).SaveAsync("slack:T1:CRACE:1.1", question with { Limit = i }, Ct);
        }).ToList();
        start.SetResult();
        await Task.WhenAll(racers);

        Assert.Empty(errors.Entries);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Conversations.CountAsync(c => c.Key == "slack:T1:CRACE:1.1", Ct));
        Assert.InRange((await new ConversationStore(db, time).LoadAsync("slack:T1:CRACE:1.1", Ct))!.Limit!.Value, 0, 15);
    }

    [Fact]
    public void A_full_work_queue_logs_one_warning_per_interval_with_the_count_and_no_errors()
    {
        var errors = new LogCapture(LogLevel.Error, exceptionsOnly: false);
        var warnings = new LogCapture(LogLevel.Warning, exceptionsOnly: false);
        using var logs = LoggerFactory.Create(b => b.AddProvider(errors).AddProvider(warnings));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var queue = new WorkQueue(logs.CreateLogger<WorkQueue>(), time);
        var item = new WorkItem("test item", (_, _) => Task.CompletedTask);
        // Nothing reads the queue: it fills, then refuses.
        for (var i = 0; i < WorkQueue.Capacity; i++) Assert.True(queue.TryEnqueue(item));

        for (var i = 0; i < 500; i++) Assert.False(queue.TryEnqueue(item));
        Assert.Contains("refused 1 item(s)", Assert.Single(warnings.Entries), StringComparison.Ordinal);

        time.Advance(WorkQueue.RefusalSummaryInterval);
        Assert.False(queue.TryEnqueue(item));

        Assert.Equal(2, warnings.Entries.Count);
        Assert.Contains("refused 500 item(s)", warnings.Entries.Last(), StringComparison.Ordinal);
        Assert.Empty(errors.Entries);
    }
}

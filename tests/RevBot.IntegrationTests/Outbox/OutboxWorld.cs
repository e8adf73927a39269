using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Slack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>
/// One "instance" of RevBot as far as the outbox goes: Core, the database and Slack registered as the host does, Slack's
/// Web API faked over HTTP, and a clock the test moves. Two worlds on one database are two instances.
/// </summary>
internal sealed class OutboxWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<long> _heard;

    private OutboxWorld(ServiceProvider services, TestDatabase database, TimeProvider time, ConcurrentQueue<long> heard)
    {
        Services = services;
        Database = database;
        Time = time;
        _heard = heard;
    }

    public ServiceProvider Services { get; }
    public TestDatabase Database { get; }
    public TimeProvider Time { get; }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <param name="target">Where this instance reaches the database, when not directly (a proxy the test can cut).</param>
    public static OutboxWorld Create(TestDatabase database, FakeSlack slack, TimeProvider time, IDictionary<string, string?>? settings = null, DbTarget? target = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-outbox-test",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddRevBotCore(configuration).AddRevBotData(target ?? database.Target).AddSlack(configuration);
        services.AddSingleton(time);
        var heard = new ConcurrentQueue<long>();
        services.AddSingleton(heard);
        services.AddScoped<IOutboxGoneHandler, RecordingGoneHandler>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new OutboxWorld(provider, database, time, heard);
    }

    /// <summary>The ids of the rows the gone handler was told about, in order.</summary>
    public IReadOnlyList<long> Heard => [.. _heard];

    public static OutboxMessage Row(string channel, string title, DateTimeOffset at, ChatPlatform platform = ChatPlatform.Slack, int? recipient = null) => new()
    {
        Kind = "test",
        Platform = platform,
        ChannelId = recipient is null ? channel : "",
        RecipientUserId = recipient,
        Payload = ReplyJson.Serialize(new Reply { Kind = ReplyKind.Card, Title = title, Text = $"{title} text" }),
        CreatedAt = at.UtcDateTime,
        AvailableAt = at.UtcDateTime,
    };

    public async Task<long> AddAsync(OutboxMessage row)
    {
        await using var db = Database.NewContext();
        db.Outbox.Add(row);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return row.Id;
    }

    public async Task<OutboxMessage> RowAsync(long id)
    {
        await using var db = Database.NewContext();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
    }

    public async Task<T> WithDbAsync<T>(Func<RevBotDb, Task<T>> use)
    {
        await using var db = Database.NewContext();
        return await use(db);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();

    /// <summary>Records which rows were reported gone; a real handler disables a subscription here.</summary>
    private sealed class RecordingGoneHandler(ConcurrentQueue<long> heard) : IOutboxGoneHandler
    {
        public Task OnGoneAsync(OutboxMessage message, CancellationToken ct)
        {
            heard.Enqueue(message.Id);
            return Task.CompletedTask;
        }
    }
}

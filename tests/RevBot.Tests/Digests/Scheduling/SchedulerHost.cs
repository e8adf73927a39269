using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Testing;

namespace RevBot.Tests.Digests.Scheduling;

/// <summary>
/// One RevBot instance as the host wires it (Core + Data, the <c>Company</c> and <c>Digests</c> sections bound and
/// validated) over a test database, on a fake clock. Two hosts over one database are two instances.
/// </summary>
internal sealed class SchedulerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SchedulerHost(TestDatabase database, FakeTimeProvider time, string companyZone = "Europe/Madrid")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = companyZone }).Build();
        var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target);
        services.AddSingleton<TimeProvider>(time);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        Scheduler = ActivatorUtilities.CreateInstance<DigestSchedulerService>(_services);
        Database = database;
    }

    public TestDatabase Database { get; }

    public DigestSchedulerService Scheduler { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<IReadOnlyList<(DueDigest Due, string Outcome)>> TickAsync() => Scheduler.RunOnceAsync(Ct);

    public async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<DigestSubscription> AddScheduleAsync(string kind, string cron, string zone, DateTimeOffset createdAt, bool skipIfEmpty = false, string channel = "C1")
    {
        await using var db = Database.NewContext();
        var row = new DigestSubscription
        {
            Platform = ChatPlatform.Slack, ChannelId = channel, Kind = kind, Cron = cron, TimeZone = zone, SkipIfEmpty = skipIfEmpty,
            CreatedAt = createdAt.UtcDateTime, UpdatedAt = createdAt.UtcDateTime,
        };
        db.DigestSchedules.Add(row);
        await db.SaveChangesAsync(Ct);
        return row;
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.NewContext();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<List<DigestSlotClaim>> ClaimsAsync()
    {
        await using var db = Database.NewContext();
        return await db.DigestSlotClaims.AsNoTracking().OrderBy(c => c.ScheduleId).ThenBy(c => c.SlotAt).ToListAsync(Ct);
    }

    public static Reply Reply(OutboxMessage message) => ReplyJson.Deserialize(message.Payload);

    /// <summary>A local wall-clock time in <paramref name="zone"/> as a UTC instant.</summary>
    public static DateTimeOffset Local(string zone, int year, int month, int day, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(zone)), TimeSpan.Zero);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

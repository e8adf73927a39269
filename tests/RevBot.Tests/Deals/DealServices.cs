using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>
/// Core's real registrations over a fresh database seeded with <see cref="DealWorld"/>, a clock pinned at
/// <see cref="DealWorld.Now"/>, and hand-offs configured: EMEA → slack:CEMEA, SMB → teams:19:smb@thread.tacv2, else
/// slack:CCS; pricing feedback → slack:CPRICE.
/// </summary>
public sealed class DealServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private DealServices(TestDatabase database, ServiceProvider provider, FakeTimeProvider time)
    {
        Database = database;
        _provider = provider;
        Time = time;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Time { get; }

    public static async Task<DealServices> CreateAsync(DbProvider provider, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext()) await DealWorld.SeedAsync(db);
        var config = new Dictionary<string, string?>
        {
            ["Company:TimeZone"] = DealWorld.TimeZone,
            ["Handoffs:CustomerSuccess:0:Region"] = "EMEA",
            ["Handoffs:CustomerSuccess:0:Channel"] = "slack:CEMEA",
            ["Handoffs:CustomerSuccess:1:Segment"] = "SMB",
            ["Handoffs:CustomerSuccess:1:Channel"] = "teams:19:smb@thread.tacv2",
            ["Handoffs:CustomerSuccessDefault"] = "slack:CCS",
            ["Handoffs:PricingFeedback"] = "slack:CPRICE",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        var time = new FakeTimeProvider(DealWorld.Now);
        var services = new ServiceCollection().AddLogging()
            .AddRevBotCore(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddRevBotData(database.Target)
            .AddSingleton<TimeProvider>(time);
        return new DealServices(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), time);
    }

    /// <summary>A service built over this container the way the host builds its hosted services (the digest scheduler, say).</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_provider);

    /// <summary>A singleton service (the vocabulary cache, say).</summary>
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Runs <paramref name="use"/> with a service from a new scope (a new DbContext, as one request would have).</summary>
    public async Task<TResult> UseAsync<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        await using var scope = _provider.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<DealCommandResult> ExecuteAsync(DealCommand command) =>
        UseAsync<DealCommandService, DealCommandResult>(s => s.ExecuteAsync(command, TestContext.Current.CancellationToken));

    public async Task<int> UserIdAsync(string email)
    {
        await using var db = Database.NewContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<Deal> DealAsync(string id)
    {
        await using var db = Database.NewContext();
        return await db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, TestContext.Current.CancellationToken);
    }

    public async Task<T> QueryAsync<T>(Func<RevBotDb, Task<T>> query)
    {
        await using var db = Database.NewContext();
        return await query(db);
    }

    /// <summary>A command as a chat user would send it: from Slack, with a fresh idempotency key.</summary>
    public async Task<DealCommand> CommandAsync(string email, string dealId, DealCommandKind kind = DealCommandKind.Update, DealFieldChanges? changes = null)
    {
        var deal = await DealAsync(dealId);
        return new DealCommand
        {
            Kind = kind,
            DealId = dealId,
            ExpectedVersion = deal.Version,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            UserId = await UserIdAsync(email),
            Channel = ChangeChannel.Slack,
            Changes = changes ?? DealFieldChanges.None,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;
using RevBot.Tests.Deals;

namespace RevBot.Tests.ForecastCalls;

/// <summary>
/// <see cref="DealWorld"/> with a team: Rob (line Dana ← Max ← Rob) and Rae (Mia ← Rae) are team East, whose call opens
/// on Mondays at 9:00 New York time (14:00 UTC in winter): reminder a day later, deadline two days later, managers one
/// more day. The scheduler is the host's digest scheduler over Core's real registrations.
/// </summary>
internal sealed class ForecastCallWorld : IAsyncDisposable
{
    public const string Team = "East";

    /// <summary>Monday Nov 30, 2026, 9:00 in New York: the first call's slot.</summary>
    public static readonly DateTimeOffset Opens = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Company:TimeZone"] = DealWorld.TimeZone,
        ["ForecastCalls:Schedules:0:Team"] = Team,
        ["ForecastCalls:Schedules:0:Cron"] = "0 9 * * 1",
    };

    private readonly List<ServiceProvider> _others = [];

    private ForecastCallWorld(DealServices services) => Services = services;

    public DealServices Services { get; }

    public DigestSchedulerService Scheduler { get; private set; } = null!;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ForecastCallWorld> CreateAsync(DbProvider provider)
    {
        var services = await DealServices.CreateAsync(provider, Settings);
        await using (var db = services.Database.NewContext())
            await db.Users.Where(u => u.Email == DealWorld.Rob || u.Email == DealWorld.Rae).ExecuteUpdateAsync(u => u.SetProperty(x => x.Team, Team), Ct);
        return new ForecastCallWorld(services) { Scheduler = services.Create<DigestSchedulerService>() };
    }

    public Task<IReadOnlyList<(DueDigest Due, string Outcome)>> TickAtAsync(DateTimeOffset at)
    {
        Services.Time.SetUtcNow(at);
        return Scheduler.RunOnceAsync(Ct);
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        Services.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == "forecast.call").OrderBy(m => m.Id).ToListAsync(Ct));

    public Task<List<ForecastSnapshot>> SnapshotsAsync() =>
        Services.QueryAsync(db => db.ForecastSnapshots.AsNoTracking().Where(f => f.CallId != null).OrderBy(f => f.Id).ToListAsync(Ct));

    public async Task<Reply> CardForAsync(string email, int skip = 0)
    {
        var id = await Services.UserIdAsync(email);
        var rows = await OutboxAsync();
        return ReplyJson.Deserialize(rows.Where(m => m.RecipientUserId == id).Skip(skip).First().Payload);
    }

    public async Task<Reply> PressAsync(string? email, ReplyAction action, string? language = null) =>
        await Services.UseAsync<InteractionService, Reply>(async i => await i.PressAsync(
            new CardPress(action.Id, action.Value, email is null ? null : await Services.UserIdAsync(email), null, ChangeChannel.Slack, language), Ct));

    public async Task<Reply> SubmitAsync(string email, ReplyForm form, Dictionary<string, string?> values, string? language = null) =>
        await Services.UseAsync<InteractionService, Reply>(async i => await i.SubmitAsync(
            new FormSubmission(form.Id, form.State.Encode(), values, await Services.UserIdAsync(email), null, ChangeChannel.Slack, language), Ct));

    /// <summary>Another RevBot instance over the same database and clock: its own container, its own scheduler.</summary>
    public DigestSchedulerService OtherInstance()
    {
        var provider = new ServiceCollection().AddLogging()
            .AddRevBotCore(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build())
            .AddRevBotData(Services.Database.Target)
            .AddSingleton<TimeProvider>(Services.Time)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _others.Add(provider);
        return ActivatorUtilities.CreateInstance<DigestSchedulerService>(provider);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others) await other.DisposeAsync();
        await Services.DisposeAsync();
    }
}

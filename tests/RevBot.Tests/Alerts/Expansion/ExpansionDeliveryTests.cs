using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.Tests.Alerts.Delivery;

namespace RevBot.Tests.Alerts.Expansion;

/// <summary>
/// An expansion play is delivered like the other alerts: by direct message to the account owner and its recent
/// customer-success user, once per reason until the situation changes, quiet while snoozed, and not to someone who
/// muted expansion plays. Its card carries "Create expansion deal".
/// </summary>
public sealed class ExpansionDeliveryTests
{
    private const string Carla = "carla@acme.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Grow Co (Alice's): 14 active users yesterday on 10 seats, no tickets, never expanded: 30 + 20 + 20 = 70. Carla (CS) met them 3 days ago.</summary>
    private static async Task<int> ReadyAsync(DeliveryCompany company) => await company.DbAsync(async db =>
    {
        var carla = new User { Email = Carla, Name = "Carla Cruz", Role = UserRole.Cs, SlackUserId = "UCARLA" };
        db.Users.Add(carla);
        db.Accounts.Add(new Account { Id = "acc-grow", Name = "Grow Co", Region = "EMEA", OwnerId = company.AliceId });
        await db.SaveChangesAsync(Ct);
        var now = company.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        db.Subscriptions.Add(new Subscription { Id = "sub-grow", AccountId = "acc-grow", Product = "Pro", Mrr = 1_000m, Seats = 10, StartDate = new DateOnly(2025, 1, 1) });
        db.Usage.Add(new ProductUsage { AccountId = "acc-grow", Date = today.AddDays(-1), ActiveUsers = 14, Events = 300 });
        db.Activities.Add(new Activity { Id = "act-grow", Type = ActivityType.Meeting, OccurredAt = now.AddDays(-3), AccountId = "acc-grow", UserId = carla.Id });
        await db.SaveChangesAsync(Ct);
        return carla.Id;
    });

    private static async Task<List<OutboxMessage>> ToAsync(DeliveryCompany company, int userId) =>
        [.. (await company.OutboxAsync()).Where(m => m.RecipientUserId == userId)];

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Goes_to_the_owner_and_customer_success_once_and_stays_quiet_while_snoozed(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);
        var carla = await ReadyAsync(company);

        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromHours(1));
        await company.ScanAsync();

        var alerts = (await company.AlertsAsync()).Where(a => a.Kind == "expansion").ToList();
        Assert.Equal(["seats_over", "healthy", "expansion_gap"], alerts.Select(a => a.ReasonCode));
        Assert.All(alerts, a => Assert.Equal((70, "acc-grow"), (a.Score, a.SubjectId)));
        var card = DeliveryCompany.Payload(Assert.Single(await ToAsync(company, carla)));
        Assert.Equal("Ready to expand: Grow Co (70/100)", card.Title);
        Assert.Equal([ExpansionActionIds.Create, AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign], card.Actions.Select(a => a.Id));
        Assert.Equal("acc-grow", card.Actions[0].Value);
        Assert.Contains(card.Facts, f => (f.Label, f.Value) == ("Customer success", "Carla Cruz"));
        // Alice, the owner, has it in her one grouped message with her stalled deals.
        var owner = DeliveryCompany.Payload(Assert.Single(await ToAsync(company, company.AliceId)));
        var row = Assert.Single(owner.Rows, r => r.Text.Contains("Ready to expand: Grow Co (70/100)", StringComparison.Ordinal));
        Assert.Equal(ExpansionActionIds.Create, row.Actions[0].Id);

        // Snoozed: quiet through the next scans, delivered again once the snooze ends and it is still true.
        var value = AlertActionValue.Encode([alerts[0].Id]);
        await company.UseAsync<AlertInteractions, Core.Replies.Reply>(i => i.PressAsync(AlertActionIds.Snooze, value, carla, ChangeChannel.Slack, "en", Ct));
        company.Time.Advance(TimeSpan.FromDays(1));
        await company.ScanAsync();
        Assert.Single(await ToAsync(company, carla));
        company.Time.Advance(TimeSpan.FromDays(7));
        await company.ScanAsync();
        Assert.Equal(2, (await ToAsync(company, carla)).Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Muting_expansion_plays_stops_their_direct_messages_only(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);
        var carla = await ReadyAsync(company);

        var muted = await company.UseAsync<AskService, Core.Answers.Answer>(a => a.AskAsync(new Core.Answers.AskRequest("mute expansion alerts", Carla, null, "slack:T1:DCARLA"), Ct));
        await company.ScanAsync();

        Assert.Equal("You won't get direct messages about expansion plays. Say \"unmute\" to get them again.", muted.Text);
        Assert.Empty(await ToAsync(company, carla));
        Assert.Single(await ToAsync(company, company.AliceId));
        Assert.Equal(3, await company.DbAsync(db => db.Alerts.CountAsync(a => a.Kind == "expansion", Ct)));
    }
}

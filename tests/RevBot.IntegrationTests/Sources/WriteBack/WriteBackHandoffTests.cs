using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Deals;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// A win HubSpot refuses takes its hand-off back with it: the card for customer success is dropped while no attempt
/// to post it was made; once posted (and even claimed) the channel is told it was withdrawn, in its language. A loss
/// on price it refuses takes marketing's pricing note back the same way.
/// </summary>
public sealed class WriteBackHandoffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_win_refused_at_once_drops_its_hand_off_before_it_is_posted(DbProvider provider)
    {
        await using var h = await HubspotWriteBack.StartAsync(provider, TimeProvider.System, Settings());
        RefuseWins(h);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);

        var result = await h.World.RunAsync(Win(h.DealId, rob));

        Assert.Equal(CrmWriteOutcome.Refused, result.Crm);
        Assert.Equal(DealStatus.Open, (await h.World.DealAsync(h.DealId)).Status);
        Assert.False(await h.World.WithDbAsync(db => db.Handoffs.AnyAsync(Ct)));
        Assert.False(await h.World.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Kind.StartsWith("handoff."), Ct)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_win_refused_after_its_hand_off_was_posted_and_claimed_tells_the_channel_it_was_withdrawn(DbProvider provider)
    {
        var settings = Settings();
        settings["Sources:WriteBack:FirstBackoff"] = settings["Sources:WriteBack:MaxBackoff"] = "01:00:00";
        await using var h = await HubspotWriteBack.StartAsync(provider, TimeProvider.System, settings, quickRetries: true);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        var rae = await h.World.UserIdAsync(DealWorld.Rae);
        h.Hubspot.Fail(r => r.Method == "PATCH", 6, 500);

        var result = await h.World.RunAsync(Win(h.DealId, rob));
        Assert.Equal((DealCommandStatus.Applied, CrmWriteOutcome.Pending), (result.Status, result.Crm));
        // The outbox posts the hand-off card (as its dispatcher would) and Rae claims the onboarding.
        await h.World.WithDbAsync(db => db.Outbox.Where(m => m.Kind == HandoffKinds.WonMessage)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow).SetProperty(m => m.Attempts, 1), Ct));
        await using (var scope = h.World.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HandoffClaims>().ClaimAsync(h.DealId, rae, ChangeChannel.Slack, "en", Ct);
        Assert.NotNull((await h.World.WithDbAsync(db => db.Handoffs.SingleAsync(Ct))).ClaimedByUserId);

        // HubSpot recovers but refuses the win.
        RefuseWins(h);
        await h.World.WithDbAsync(db => db.CrmWrites.ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await h.World.DrainAsync();

        Assert.Equal("refused", Assert.Single(await h.World.WritesAsync()).Outcome);
        Assert.Equal(DealStatus.Open, (await h.World.DealAsync(h.DealId)).Status);
        Assert.False(await h.World.WithDbAsync(db => db.Handoffs.AnyAsync(Ct)));
        var messages = await h.World.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.Id).ToListAsync(Ct));
        var withdrawn = Assert.Single(messages, m => m.Kind == HandoffKinds.WithdrawnMessage);
        Assert.Equal((ChatPlatform.Slack, "CCS", (int?)null), (withdrawn.Platform, withdrawn.ChannelId, withdrawn.RecipientUserId));
        var card = ReplyJson.Deserialize(withdrawn.Payload);
        Assert.Equal("es", card.Language);
        Assert.Contains("Traspaso retirado", card.Title, StringComparison.Ordinal);
        Assert.Contains("Rae Rep lo había reclamado", card.Text, StringComparison.Ordinal);
        // Rob hears of the refusal himself, as before.
        Assert.Single(messages, m => m.Kind == CrmWriteNotice.OutboxKind && m.RecipientUserId == rob);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_loss_on_price_refused_at_once_drops_its_pricing_note_before_it_is_posted(DbProvider provider)
    {
        await using var h = await HubspotWriteBack.StartAsync(provider, TimeProvider.System, Settings());
        RefuseClosing(h, "closedlost");
        var rob = await h.World.UserIdAsync(DealWorld.Rob);

        var result = await h.World.RunAsync(Lose(h.DealId, rob));

        Assert.Equal(CrmWriteOutcome.Refused, result.Crm);
        Assert.Equal(DealStatus.Open, (await h.World.DealAsync(h.DealId)).Status);
        Assert.False(await h.World.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Kind.StartsWith("feedback."), Ct)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_loss_on_price_refused_after_its_note_was_posted_tells_marketing_it_is_not_lost(DbProvider provider)
    {
        var settings = Settings();
        settings["Sources:WriteBack:FirstBackoff"] = settings["Sources:WriteBack:MaxBackoff"] = "01:00:00";
        await using var h = await HubspotWriteBack.StartAsync(provider, TimeProvider.System, settings, quickRetries: true);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        h.Hubspot.Fail(r => r.Method == "PATCH", 6, 500);

        var result = await h.World.RunAsync(Lose(h.DealId, rob));
        Assert.Equal((DealCommandStatus.Applied, CrmWriteOutcome.Pending), (result.Status, result.Crm));
        // The outbox posts the pricing note (as its dispatcher would).
        Assert.Equal(1, await h.World.WithDbAsync(db => db.Outbox.Where(m => m.Kind == HandoffKinds.PricingMessage)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow).SetProperty(m => m.Attempts, 1), Ct)));

        // HubSpot recovers but refuses the loss.
        RefuseClosing(h, "closedlost");
        await h.World.WithDbAsync(db => db.CrmWrites.ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await h.World.DrainAsync();

        Assert.Equal("refused", Assert.Single(await h.World.WritesAsync()).Outcome);
        Assert.Equal(DealStatus.Open, (await h.World.DealAsync(h.DealId)).Status);
        var messages = await h.World.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.Id).ToListAsync(Ct));
        var withdrawn = Assert.Single(messages, m => m.Kind == HandoffKinds.PricingWithdrawnMessage);
        Assert.Equal((ChatPlatform.Slack, "CPRICE", (int?)null), (withdrawn.Platform, withdrawn.ChannelId, withdrawn.RecipientUserId));
        var card = ReplyJson.Deserialize(withdrawn.Payload);
        Assert.Equal("es", card.Language);
        Assert.Contains("Al final no está perdido", card.Title, StringComparison.Ordinal);
        Assert.Contains("no aceptó la pérdida", card.Text, StringComparison.Ordinal);
        Assert.Single(messages, m => m.Kind == CrmWriteNotice.OutboxKind && m.RecipientUserId == rob);
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Handoffs:CustomerSuccessDefault"] = "slack:CCS", ["Handoffs:PricingFeedback"] = "slack:CPRICE", ["Handoffs:Language"] = "es",
    };

    private static void RefuseWins(HubspotWriteBack h) => RefuseClosing(h, "closedwon");

    private static void RefuseClosing(HubspotWriteBack h, string closedStage) =>
        h.Hubspot.Rules = (_, properties) => properties.TryGetValue("dealstage", out var stage) && stage == closedStage
            ? [("dealstage", "A closed deal needs a signed contract attached.")]
            : [];

    private static DealCommand Win(string dealId, int userId) => new()
    {
        Kind = DealCommandKind.MarkWon, DealId = dealId, ExpectedVersion = 1, IdempotencyKey = $"test:{Guid.NewGuid():N}",
        UserId = userId, Channel = ChangeChannel.Slack, Language = "en",
    };

    private static DealCommand Lose(string dealId, int userId) => Win(dealId, userId) with { Kind = DealCommandKind.MarkLost, LossReason = "price" };
}

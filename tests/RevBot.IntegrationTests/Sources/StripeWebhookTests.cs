using System.Net;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Sources.Stripe;
using RevBot.Testing.Sources;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// Stripe's webhook deliveries through the real host (no background sync there), signed by the fake with its own HMAC.
/// A verified one answers 200 and nudges an incremental sync that reads the events API from the stored cursor; the test
/// awaits that run's recorded row before it looks at the database. Refused deliveries nudge nothing, and the next
/// verified one's run sees only its own event.
/// </summary>
[Collection(StripeHarness.Collection)]
public sealed class StripeWebhookTests
{
    private const string Secret = "whsec_test_0123456789abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_signed_event_nudges_a_sync_that_brings_its_subscription_in_and_the_same_event_again_changes_nothing(DbProvider provider)
    {
        await using var h = await StartAsync(provider, Secret);
        var body = h.Fake.EventJson(NewSubscriptionEvent(h.Fake, "sub_hook"));

        var answer = await h.PostAsync(body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow));
        var first = await h.FinishedRunAsync(2);
        var audit = await AuditCountAsync(h);
        var again = await h.PostAsync(body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow));
        var second = await h.FinishedRunAsync(3);

        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(first.Error is null, first.Error);
        Assert.False(first.Full);
        Assert.Equal((1, 1), (first.Read, first.Written));
        Assert.Equal((0, 0), (second.Read, second.Written));
        Assert.Equal(audit, await AuditCountAsync(h));
        Assert.Equal(h.Fake.ExpectedMrr(h.Fake.Subscription("sub_hook")), (await h.StoredAsync())["stripe:sub_hook"].Mrr);
        Assert.NotEmpty(h.Fake.Calls("/v1/events"));
        Assert.Equal(3, (await h.RunsAsync()).Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Refused_deliveries_nudge_nothing_and_the_next_verified_ones_run_sees_only_its_own_event(DbProvider provider)
    {
        await using var h = await StartAsync(provider, Secret);
        // A forged delivery names a subscription that exists but that no event of Stripe's is about.
        var forgedSub = StripeSyncTests.Sub("sub_forged", h.Fake.Now.Date.AddDays(-2), Price, quantity: 9);
        h.Fake.AddSubscription(forgedSub);
        var forged = h.Fake.ForgedEventJson("customer.subscription.created", forgedSub);
        var now = DateTimeOffset.UtcNow;

        var statuses = new[]
        {
            await h.PostAsync(forged, FakeStripe.Sign(forged, "whsec_someone_else", now)),
            await h.PostAsync(forged.Replace("sub_forged", "sub_forgex", StringComparison.Ordinal), FakeStripe.Sign(forged, Secret, now)),
            await h.PostAsync(forged, FakeStripe.Sign(forged, Secret, now.AddMinutes(-6))),
            await h.PostAsync(forged, null),
            await h.PostAsync("{not json", FakeStripe.Sign("{not json", Secret, now)),
            await h.PostAsync(new string(' ', StripeWebhook.MaxBodyBytes + 1), "t=1,v1=00"),
        };
        var askedAfterRefusals = h.Nudge.Asked(SourceSystem.Stripe);
        var good = h.Fake.EventJson(NewSubscriptionEvent(h.Fake, "sub_good"));
        var answer = await h.PostAsync(good, FakeStripe.Sign(good, Secret, now));
        var run = await h.FinishedRunAsync(2);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
             HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge], statuses);
        Assert.Equal(0, askedAfterRefusals);
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(1, h.Nudge.Asked(SourceSystem.Stripe));
        Assert.Equal(1, run.Read);
        Assert.Equal(["stripe:sub_good"], (await h.StoredAsync()).Keys);
        Assert.Equal(2, (await h.RunsAsync()).Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Without_a_signing_secret_a_signed_delivery_is_refused_and_nothing_runs(DbProvider provider)
    {
        await using var h = await StripeHost.StartAsync(provider, webhookSecret: null);
        h.Fake.AddProduct("prod_basic", "Basic");
        var body = h.Fake.EventJson(NewSubscriptionEvent(h.Fake, "sub_hook"));

        Assert.Equal(HttpStatusCode.Unauthorized, await h.PostAsync(body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow)));
        Assert.Equal(0, h.Nudge.Asked(SourceSystem.Stripe));
        Assert.Empty(h.Fake.Requests);
        Assert.Empty(await h.RunsAsync());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_event_for_a_deleted_subscription_ends_it_and_one_about_something_else_nudges_nothing(DbProvider provider)
    {
        await using var h = await StartAsync(provider, Secret);
        var created = h.Fake.EventJson(NewSubscriptionEvent(h.Fake, "sub_hook"));
        await h.PostAsync(created, FakeStripe.Sign(created, Secret, DateTimeOffset.UtcNow));
        await h.FinishedRunAsync(2);
        var s = h.Fake.Subscription("sub_hook");
        s.Status = "canceled";
        s.CanceledAt = s.EndedAt = h.Fake.Now.AddDays(3);
        var other = h.Fake.EventJson(h.Fake.Emit("invoice.paid", new System.Text.Json.Nodes.JsonObject { ["id"] = "in_1", ["object"] = "invoice" }));
        var deleted = h.Fake.EventJson(h.Fake.Emit("customer.subscription.deleted", s));

        var ignored = await h.PostAsync(other, FakeStripe.Sign(other, Secret, DateTimeOffset.UtcNow));
        var askedAfterIgnored = h.Nudge.Asked(SourceSystem.Stripe);
        var ended = await h.PostAsync(deleted, FakeStripe.Sign(deleted, Secret, DateTimeOffset.UtcNow));
        var run = await h.FinishedRunAsync(3);

        Assert.Equal(HttpStatusCode.OK, ignored);
        Assert.Equal(1, askedAfterIgnored);
        Assert.Equal(HttpStatusCode.OK, ended);
        Assert.True(run.Error is null, run.Error);
        Assert.Equal(DateOnly.FromDateTime(s.EndedAt.Value), (await h.StoredAsync())["stripe:sub_hook"].EndDate);
    }

    private static readonly FakeStripePrice Price = new("price_m49", "prod_basic", 4_900, "usd", "month", 1);

    /// <summary>A host whose first (full) sync has run, so the cursor is stored and a nudge's sync reads events.</summary>
    private static async Task<StripeHost> StartAsync(DbProvider provider, string secret)
    {
        var h = await StripeHost.StartAsync(provider, secret);
        await h.AddAccountsAsync(1);
        h.Fake.AddProduct("prod_basic", "Basic");
        h.Fake.AddCustomer(new FakeStripeCustomer("cus_1", null, new Dictionary<string, string> { [FakeStripe.MetadataKey] = "A-1" }));
        var full = await h.SyncAsync(full: true);
        Assert.True(full.Error is null, full.Error);
        return h;
    }

    private static FakeStripeEvent NewSubscriptionEvent(FakeStripe fake, string id)
    {
        var s = StripeSyncTests.Sub(id, fake.Now.Date.AddDays(-2), Price, quantity: 2);
        fake.AddSubscription(s);
        return fake.Emit("customer.subscription.created", s);
    }

    private static async Task<int> AuditCountAsync(StripeHost h)
    {
        await using var db = h.Db.NewContext();
        return await db.AuditLog.CountAsync(Ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Data.Storage;
using RevBot.Sources.Stripe;
using RevBot.Testing.Sources;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// Stripe's webhook deliveries, signed by the fake with its own HMAC: a good one upserts the subscription; a wrong
/// signature, an old timestamp or a missing secret is refused with nothing changed; the same event twice changes nothing.
/// </summary>
[Collection(StripeHarness.Collection)]
public sealed class StripeWebhookTests
{
    private const string Secret = "whsec_test_0123456789abcdef";

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_signed_event_upserts_its_subscription_and_the_same_event_again_changes_nothing(DbProvider provider)
    {
        await using var h = await StartAsync(provider, Secret);
        var e = NewSubscriptionEvent(h.Fake);
        var body = h.Fake.EventJson(e);

        var first = await HandleAsync(h, body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow));
        var audit = await AuditCountAsync(h);
        var second = await HandleAsync(h, body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow));

        Assert.True(first.Outcome == StripeWebhookOutcome.Applied, first.Detail);
        Assert.Equal(1, first.Written);
        Assert.Equal(StripeWebhookOutcome.Applied, second.Outcome);
        Assert.Equal(0, second.Written);
        Assert.Equal(audit, await AuditCountAsync(h));
        var stored = await h.StoredAsync();
        Assert.Equal(h.Fake.ExpectedMrr(h.Fake.Subscription("sub_hook")), stored["stripe:sub_hook"].Mrr);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_wrong_signature_an_old_timestamp_or_no_secret_is_refused_and_changes_nothing(DbProvider provider)
    {
        await using var h = await StartAsync(provider, Secret);
        var body = h.Fake.EventJson(NewSubscriptionEvent(h.Fake));

        var wrongSecret = await HandleAsync(h, body, FakeStripe.Sign(body, "whsec_someone_else", DateTimeOffset.UtcNow));
        var tampered = await HandleAsync(h, body.Replace("sub_hook", "sub_hoox", StringComparison.Ordinal), FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow));
        var replayed = await HandleAsync(h, body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow.AddMinutes(-6)));
        var unsigned = await HandleAsync(h, body, null);

        Assert.All([wrongSecret, tampered, replayed, unsigned], r => Assert.Equal(StripeWebhookOutcome.Unverified, r.Outcome));
        Assert.Empty(await h.StoredAsync());
        Assert.DoesNotContain(h.Fake.Requests, r => r.Path.StartsWith("/v1/subscriptions", StringComparison.Ordinal));

        await using var noSecret = await StartAsync(provider, null);
        var body2 = noSecret.Fake.EventJson(NewSubscriptionEvent(noSecret.Fake));
        var refused = await HandleAsync(noSecret, body2, FakeStripe.Sign(body2, Secret, DateTimeOffset.UtcNow));
        Assert.Equal(StripeWebhookOutcome.Unverified, refused.Outcome);
        Assert.Empty(await noSecret.StoredAsync());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_event_for_a_deleted_subscription_ends_it_and_one_about_something_else_is_ignored(DbProvider provider)
    {
        await using var h = await StartAsync(provider, Secret);
        var created = h.Fake.EventJson(NewSubscriptionEvent(h.Fake));
        await HandleAsync(h, created, FakeStripe.Sign(created, Secret, DateTimeOffset.UtcNow));
        var s = h.Fake.Subscription("sub_hook");
        s.Status = "canceled";
        s.CanceledAt = s.EndedAt = h.Fake.Now.AddDays(3);
        var deleted = h.Fake.EventJson(h.Fake.Emit("customer.subscription.deleted", s));
        var other = h.Fake.EventJson(h.Fake.Emit("invoice.paid", new System.Text.Json.Nodes.JsonObject { ["id"] = "in_1", ["object"] = "invoice" }));

        var ended = await HandleAsync(h, deleted, FakeStripe.Sign(deleted, Secret, DateTimeOffset.UtcNow));
        var ignored = await HandleAsync(h, other, FakeStripe.Sign(other, Secret, DateTimeOffset.UtcNow));

        Assert.True(ended.Outcome == StripeWebhookOutcome.Applied, ended.Detail);
        Assert.Equal(DateOnly.FromDateTime(s.EndedAt.Value), (await h.StoredAsync())["stripe:sub_hook"].EndDate);
        Assert.Equal(StripeWebhookOutcome.Ignored, ignored.Outcome);
    }

    private static async Task<StripeHarness> StartAsync(DbProvider provider, string? secret)
    {
        var h = await StripeHarness.StartAsync(provider, new Dictionary<string, string?> { ["Sources:Stripe:WebhookSecret"] = secret });
        await h.AddAccountsAsync(("A-1", null));
        h.Fake.AddProduct("prod_basic", "Basic");
        h.Fake.AddCustomer(new FakeStripeCustomer("cus_1", null, new Dictionary<string, string> { [FakeStripe.MetadataKey] = "A-1" }));
        return h;
    }

    private static FakeStripeEvent NewSubscriptionEvent(FakeStripe fake)
    {
        var s = StripeSyncTests.Sub("sub_hook", fake.Now.Date.AddDays(-2), new FakeStripePrice("price_m49", "prod_basic", 4_900, "usd", "month", 1), quantity: 2);
        fake.AddSubscription(s);
        return fake.Emit("customer.subscription.created", s);
    }

    private static async Task<StripeWebhookResult> HandleAsync(StripeHarness h, string body, string? signature)
    {
        await using var scope = h.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StripeWebhook>().HandleAsync(body, signature, TestContext.Current.CancellationToken);
    }

    private static async Task<int> AuditCountAsync(StripeHarness h)
    {
        await using var db = h.Db.NewContext();
        return await db.AuditLog.CountAsync(TestContext.Current.CancellationToken);
    }
}

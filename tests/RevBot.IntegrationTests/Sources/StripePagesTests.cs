using Microsoft.Extensions.DependencyInjection;
using RevBot.Data.Storage;
using RevBot.Sources.Stripe;

namespace RevBot.IntegrationTests.Sources;

/// <summary>A subscription listing asks for its next pages while the caller still reads this one, and stops when the caller does.</summary>
[Collection(StripeHarness.Collection)]
public sealed class StripePagesTests
{
    [Fact]
    public async Task The_next_page_is_on_the_wire_before_this_page_is_read_and_every_subscription_comes_once_in_order()
    {
        await using var h = await StripeHarness.StartAsync(DbProvider.Sqlite);
        h.Fake.Generate(250, _ => "A-1");
        var api = new StripeApi(h.Services.GetRequiredService<StripeClients>().Create());
        var ct = TestContext.Current.CancellationToken;

        var read = new List<string>();
        await using (var subscriptions = api.SubscriptionsAsync(null, null, ct).GetAsyncEnumerator(ct))
        {
            Assert.True(await subscriptions.MoveNextAsync());
            read.Add(subscriptions.Current.Id);
            // Only the first of the page's 100 has been taken, and the second page is already asked for.
            await UntilAsync(() => Listings(h).Any(q => q.Contains("starting_after=", StringComparison.Ordinal)));
            while (await subscriptions.MoveNextAsync()) read.Add(subscriptions.Current.Id);
        }

        Assert.Equal(250, read.Count);
        Assert.Equal(250, read.Distinct().Count());
        Assert.Equal(3, Listings(h).Count);
        Assert.All(Listings(h), q => Assert.Contains("expand%5B0%5D=data.customer", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_that_stops_after_the_first_subscription_ends_the_listing_cleanly()
    {
        await using var h = await StripeHarness.StartAsync(DbProvider.Sqlite);
        h.Fake.Generate(1000, _ => "A-1");
        var api = new StripeApi(h.Services.GetRequiredService<StripeClients>().Create());

        await foreach (var _ in api.SubscriptionsAsync(null, null, TestContext.Current.CancellationToken)) break;

        // At most the page read and those asked for ahead of it, of ten: the listing does not go on by itself.
        Assert.InRange(Listings(h).Count, 1, StripePages.Ahead + 1);
    }

    [Fact]
    public async Task A_page_StripeNet_cannot_read_does_not_hold_up_the_next_request_and_reaches_the_caller_as_its_error()
    {
        await using var h = await StripeHarness.StartAsync(DbProvider.Sqlite);
        h.Fake.Generate(250, _ => "A-1");
        // The first page's first subscription has a start date Stripe.net cannot read; the page's ids and has_more are intact.
        h.Fake.Rewrite = (request, body) =>
        {
            if (request.Path == "/v1/subscriptions" && !request.Query.Contains("starting_after=", StringComparison.Ordinal))
                body["data"]![0]!["start_date"] = "not a time";
            return body;
        };
        var api = new StripeApi(h.Services.GetRequiredService<StripeClients>().Create());
        var ct = TestContext.Current.CancellationToken;

        await using var subscriptions = api.SubscriptionsAsync(null, null, ct).GetAsyncEnumerator(ct);
        var first = subscriptions.MoveNextAsync();
        // The second page is asked for from the first page's raw body: no subscription of it could ever be deserialised.
        await UntilAsync(() => Listings(h).Any(q => q.Contains("starting_after=sub_0000151", StringComparison.Ordinal)));
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await first);

        Assert.IsNotAssignableFrom<OperationCanceledException>(error);
        Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Listings(StripeHarness h) => [.. h.Fake.Requests.Where(r => r.Path == "/v1/subscriptions").Select(r => r.Query)];

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++) await Task.Delay(25, TestContext.Current.CancellationToken);
        Assert.True(condition(), "The next page was not asked for while the first was being read.");
    }
}

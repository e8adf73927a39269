using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Sources;
using static RevBot.IntegrationTests.Sources.StripeSyncTests;

namespace RevBot.IntegrationTests.Sources;

/// <summary>Which account a Stripe customer's subscriptions belong to: explicit map, then metadata, then email domain; else skipped.</summary>
[Collection(StripeHarness.Collection)]
public sealed class StripeMappingTests
{
    private static readonly FakeStripePrice Monthly49 = new("price_m49", "prod_basic", 4_900, "usd", "month", 1);

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Customers_map_by_explicit_map_then_metadata_then_email_domain_and_the_rest_are_skipped_with_the_reason(DbProvider provider)
    {
        var mapFile = TestFiles.NewPath("stripe-accounts.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(mapFile)!);
        await File.WriteAllTextAsync(mapFile, "customer_id,account_id\ncus_file,A-FILE\n", TestContext.Current.CancellationToken);
        await using var h = await StripeHarness.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Sources:Stripe:Accounts:cus_map"] = "A-MAP",
            ["Sources:Stripe:AccountsFile"] = mapFile,
        });
        await h.AddAccountsAsync(("A-META", null), ("A-DOM", "dom.example"), ("A-MAP", null), ("A-FILE", null), ("A-TWIN1", "twin.example"), ("A-TWIN2", "twin.example"));
        var f = h.Fake;
        f.AddProduct("prod_basic", "Basic");
        Dictionary<string, string> Meta(string account) => new() { [FakeStripe.MetadataKey] = account };
        f.AddCustomer(new FakeStripeCustomer("cus_meta", "x@dom.example", Meta("A-META")));
        f.AddCustomer(new FakeStripeCustomer("cus_dom", "billing@DOM.example", new Dictionary<string, string>()));
        f.AddCustomer(new FakeStripeCustomer("cus_map", "x@dom.example", Meta("A-META")));
        f.AddCustomer(new FakeStripeCustomer("cus_file", null, new Dictionary<string, string>()));
        f.AddCustomer(new FakeStripeCustomer("cus_none", "someone@gmail.example", new Dictionary<string, string>()));
        f.AddCustomer(new FakeStripeCustomer("cus_twin", "a@twin.example", new Dictionary<string, string>()));
        f.AddCustomer(new FakeStripeCustomer("cus_ghost", null, Meta("A-NOPE")));
        var start = f.Now.Date.AddDays(-30);
        foreach (var c in new[] { "meta", "dom", "map", "file", "none", "twin", "ghost" })
            f.AddSubscription(Sub("sub_" + c, start, Monthly49, customer: "cus_" + c));

        var run = await h.SyncAsync(full: true);

        Assert.Null(run.Error);
        var stored = await h.StoredAsync();
        Assert.Equal("A-META", stored["stripe:sub_meta"].AccountId);
        Assert.Equal("A-DOM", stored["stripe:sub_dom"].AccountId);
        Assert.Equal("A-MAP", stored["stripe:sub_map"].AccountId);
        Assert.Equal("A-FILE", stored["stripe:sub_file"].AccountId);
        Assert.Equal(4, stored.Count);
        var skipped = Skipped(run);
        Assert.Equal(3, run.Skipped);
        Assert.Contains("cus_none maps to no account", skipped["sub_none"], StringComparison.Ordinal);
        Assert.Contains("more than one account has the domain twin.example", skipped["sub_twin"], StringComparison.Ordinal);
        Assert.Contains("A-NOPE", skipped["sub_ghost"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_customers_domain_is_looked_up_as_the_accounts_are_when_its_batch_is_read(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(("A-ONE", "one.example"));
        var f = h.Fake;
        f.AddProduct("prod_basic", "Basic");
        f.AddCustomer(new FakeStripeCustomer("cus_one", "x@one.example", new Dictionary<string, string>()));
        f.AddCustomer(new FakeStripeCustomer("cus_late", "x@Late.example", new Dictionary<string, string>()));
        var start = f.Now.Date.AddDays(-30);
        f.AddSubscription(Sub("sub_one", start, Monthly49, customer: "cus_one"));
        f.AddSubscription(Sub("sub_late", start, Monthly49, customer: "cus_late"));
        var first = await h.SyncAsync(full: true);
        Assert.Equal("A-ONE", (await h.StoredAsync())["stripe:sub_one"].AccountId);
        Assert.Contains("cus_late maps to no account", Skipped(first)["sub_late"], StringComparison.Ordinal);

        // Between the syncs the CRM brings the late customer's account, and a second account with the first's domain.
        await h.AddAccountsAsync(("A-LATE", "late.example "), ("A-ONE-TOO", "ONE.example"));
        f.Emit("customer.subscription.updated", f.Subscription("sub_one"));
        f.Emit("customer.subscription.updated", f.Subscription("sub_late"));
        var next = await h.SyncAsync();

        Assert.Null(next.Error);
        Assert.Equal("A-LATE", (await h.StoredAsync())["stripe:sub_late"].AccountId);
        Assert.Contains("more than one account has the domain one.example", Skipped(next)["sub_one"], StringComparison.Ordinal);
    }
}

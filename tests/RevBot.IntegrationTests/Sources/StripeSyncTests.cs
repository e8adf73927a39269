using System.Text.Json;
using RevBot.Data.Storage;
using RevBot.Testing.Sources;

namespace RevBot.IntegrationTests.Sources;

/// <summary>A full sync from the fake Stripe: each subscription's MRR, dates and skips, on SQLite and PostgreSQL.</summary>
[Collection(StripeHarness.Collection)]
public sealed class StripeSyncTests
{
    private static readonly FakeStripePrice Monthly49 = new("price_m49", "prod_basic", 4_900, "usd", "month", 1);
    private static readonly FakeStripePrice Monthly100 = new("price_m100", "prod_basic", 10_000, "usd", "month", 1);
    private static readonly FakeStripePrice Yearly1200 = new("price_y1200", "prod_pro", 120_000, "usd", "year", 1);
    private static readonly FakeStripePrice Quarterly297 = new("price_q297", "prod_team", 29_700, "usd", "month", 3);
    private static readonly FakeStripePrice Weekly12 = new("price_w12", "prod_basic", 1_200, "usd", "week", 1);
    private static readonly FakeStripePrice Metered = new("price_metered", "prod_api", 5, "usd", "month", 1, "metered");

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_full_sync_stores_each_subscription_with_its_monthly_revenue(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(("A-1", null));
        var f = h.Fake;
        f.AddProduct("prod_basic", "Basic");
        f.AddProduct("prod_pro", "Pro");
        f.AddProduct("prod_team", "Team");
        f.AddProduct("prod_api", "API calls");
        f.AddCoupon(FakeStripe.TwentyPercent);
        f.AddCoupon(new FakeStripeCoupon("off120", null, 12_000, "usd"));
        f.AddCoupon(new FakeStripeCoupon("once50", 50m, null, null, "once"));
        f.AddCoupon(new FakeStripeCoupon("rep20", 20m, null, null, "repeating", 3));
        f.AddCustomer(new FakeStripeCustomer("cus_1", "a@one.example", new Dictionary<string, string> { [FakeStripe.MetadataKey] = "A-1" }));
        var start = f.Now.Date.AddDays(-100).AddHours(12);
        f.AddSubscription(Sub("sub_monthly", start, Monthly49));
        f.AddSubscription(Sub("sub_yearly", start, Yearly1200));
        f.AddSubscription(Sub("sub_quarterly", start, Quarterly297));
        f.AddSubscription(Sub("sub_quantity", start, Monthly49, quantity: 3));
        f.AddSubscription(Sub("sub_percent", start, Monthly100, coupons: ["pct20"]));
        f.AddSubscription(Sub("sub_amount", start, Yearly1200, coupons: ["off120"]));
        f.AddSubscription(Sub("sub_once", start, Monthly100, coupons: ["once50"]));
        f.AddSubscription(Sub("sub_repeating", f.Now.Date.AddDays(-10), Monthly100, coupons: ["rep20"]));
        f.AddSubscription(Sub("sub_weekly", start, Weekly12));
        var twoItems = Sub("sub_two_items", start, Monthly49);
        twoItems.Items.Add(new FakeStripeItem("si_two_b", Yearly1200, 1));
        f.AddSubscription(twoItems);
        var metered = Sub("sub_metered", start, Monthly49);
        metered.Items.Add(new FakeStripeItem("si_metered_b", Metered, 1));
        f.AddSubscription(metered);
        var trial = Sub("sub_trial", f.Now.Date.AddDays(-4), Monthly49);
        trial.Status = "trialing";
        trial.TrialStart = trial.StartDate;
        trial.TrialEnd = f.Now.Date.AddDays(10).AddHours(12);
        f.AddSubscription(trial);
        var ended = Sub("sub_ended", start, Monthly49);
        ended.Status = "canceled";
        ended.CanceledAt = ended.EndedAt = f.Now.Date.AddDays(-20).AddHours(12);
        f.AddSubscription(ended);
        var yen = Sub("sub_yen", start, new FakeStripePrice("price_jpy", "prod_basic", 5_000, "jpy", "month", 1));
        yen.Currency = "jpy";
        f.AddSubscription(yen);
        var expired = Sub("sub_expired", start, Monthly49);
        expired.Status = "incomplete_expired";
        f.AddSubscription(expired);

        var run = await h.SyncAsync(full: true);

        Assert.True(run.Error is null && run.Written == 13, run.Error ?? run.Details);
        var stored = await h.StoredAsync();
        var expected = new Dictionary<string, decimal>
        {
            ["sub_monthly"] = 49m, ["sub_yearly"] = 100m, ["sub_quarterly"] = 99m, ["sub_quantity"] = 147m, ["sub_percent"] = 80m,
            ["sub_amount"] = 90m, ["sub_once"] = 100m, ["sub_repeating"] = 80m, ["sub_weekly"] = 52m, ["sub_two_items"] = 149m,
            ["sub_metered"] = 49m, ["sub_trial"] = 49m, ["sub_ended"] = 49m,
        };
        Assert.Equal(expected.Keys.Select(k => "stripe:" + k).Order(), stored.Keys.Order());
        foreach (var (id, mrr) in expected) Assert.True(mrr == stored["stripe:" + id].Mrr, $"{id}: MRR {stored["stripe:" + id].Mrr}, expected {mrr}");
        Assert.All(stored.Values, s => Assert.Equal("A-1", s.AccountId));
        Assert.Equal("Basic, Pro", stored["stripe:sub_two_items"].Product);
        Assert.Equal(DateOnly.FromDateTime(trial.TrialEnd.Value), stored["stripe:sub_trial"].StartDate);
        Assert.Equal(DateOnly.FromDateTime(start), stored["stripe:sub_monthly"].StartDate);
        Assert.Null(stored["stripe:sub_monthly"].EndDate);
        Assert.Equal(DateOnly.FromDateTime(ended.EndedAt.Value), stored["stripe:sub_ended"].EndDate);
        var skipped = Skipped(run);
        Assert.Contains("billed in JPY", skipped["sub_yen"], StringComparison.Ordinal);
        Assert.Contains("never paid", skipped["sub_expired"], StringComparison.Ordinal);
        Assert.Equal(2, run.Skipped);
        // Every request carried the restricted key and Stripe.net's pinned API version.
        Assert.All(f.Requests, r => Assert.Equal("Bearer " + FakeStripe.ApiKey, r.Authorization));
        Assert.All(f.Requests, r => Assert.False(string.IsNullOrEmpty(r.StripeVersion)));
        // Subscriptions are read-only in RevBot: it never writes to Stripe.
        Assert.All(f.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_zero_decimal_currency_is_read_in_whole_units(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider, new Dictionary<string, string?> { ["Company:Currency"] = "JPY" });
        await h.AddAccountsAsync(("A-1", null));
        h.Fake.AddProduct("prod_basic", "Basic");
        h.Fake.AddCustomer(new FakeStripeCustomer("cus_1", null, new Dictionary<string, string> { [FakeStripe.MetadataKey] = "A-1" }));
        var start = h.Fake.Now.Date.AddDays(-30);
        var yen = Sub("sub_yen", start, new FakeStripePrice("price_jpy", "prod_basic", 5_000, "jpy", "month", 1), quantity: 2);
        yen.Currency = "jpy";
        h.Fake.AddSubscription(yen);
        h.Fake.AddSubscription(Sub("sub_usd", start, Monthly49));

        var run = await h.SyncAsync(full: true);

        var stored = await h.StoredAsync();
        Assert.Equal(10_000m, stored["stripe:sub_yen"].Mrr);
        Assert.False(stored.ContainsKey("stripe:sub_usd"));
        Assert.Contains("billed in USD, and RevBot's currency is JPY", Skipped(run)["sub_usd"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_sum_of_synced_mrr_is_the_fakes_own_sum(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(10);
        h.Fake.Generate(240, i => $"A-{1 + (i % 10)}");

        var run = await h.SyncAsync(full: true);

        Assert.Null(run.Error);
        Assert.Equal(240, run.Read);
        var today = h.Today;
        var active = (await h.StoredAsync()).Values.Where(s => s.StartDate <= today && (s.EndDate is null || s.EndDate > today));
        Assert.Equal(h.Fake.ExpectedMrr(today), active.Sum(s => s.Mrr));
    }

    internal static FakeStripeSubscription Sub(string id, DateTime start, FakeStripePrice price, long quantity = 1, string[]? coupons = null,
        string customer = "cus_1") => new()
        {
            Id = id,
            Customer = customer,
            Created = start,
            StartDate = start,
            Items = [new FakeStripeItem("si_" + id, price, quantity)],
            Coupons = [.. coupons ?? []],
        };

    internal static Dictionary<string, string> Skipped(Core.Sources.SyncRun run)
    {
        using var details = JsonDocument.Parse(run.Details!);
        return details.RootElement.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("reason").GetString()!);
    }
}

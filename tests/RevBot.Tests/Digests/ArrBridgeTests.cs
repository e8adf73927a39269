using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;
using static RevBot.Tests.Digests.DigestHarness;

namespace RevBot.Tests.Digests;

/// <summary>Starting ARR + new + expansion − contraction − churn = ending ARR, exactly, and both ends are the engine's ARR.</summary>
public sealed class ArrBridgeTests(DemoCompanyFixture company)
{
    private static readonly Period Q1 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), "Q1 2026", PeriodGrain.Quarter);

    [Theory]
    [InlineData(DbProvider.Sqlite, "")]
    [InlineData(DbProvider.Sqlite, "segment=SMB")]
    [InlineData(DbProvider.Postgres, "")]
    [InlineData(DbProvider.Postgres, "region=EMEA")]
    public async Task The_demo_company_bridge_reconciles_with_the_engine_arr(DbProvider provider, string filterSpec)
    {
        var filters = Filters(filterSpec);
        await using var db = (await company.GetAsync(provider)).NewContext();
        var engine = Engine(db);

        var bridge = await engine.ArrBridgeAsync(Q1, filters, Ct);

        Assert.True(bridge.Reconciles, $"{bridge}");
        Assert.Equal(bridge.Ending, bridge.Starting + bridge.New + bridge.Expansion - bridge.Contraction - bridge.Churn);
        Assert.Equal(new DateOnly(2025, 12, 31), bridge.StartDay);
        Assert.Equal(AsOf, bridge.EndDay);
        Assert.Equal((await engine.EvaluateAsync(new MetricQuery("arr", Period.Day(bridge.StartDay, ""), filters), Ct)).Total.Value, bridge.Starting);
        Assert.Equal((await engine.EvaluateAsync(new MetricQuery("arr", Q1, filters), Ct)).Total.Value, bridge.Ending);
        Assert.Equal((await engine.EvaluateAsync(new MetricQuery("net_new_arr", Q1, filters), Ct)).Total.Value, bridge.NetNew);
        if (filters.Count == 0) Assert.True(bridge.New > 0 && bridge.Expansion > 0 && bridge.Churn > 0, $"{bridge}");
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_bridge_by_region_is_the_bridge_filtered_by_each_region(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var engine = Engine(db);

        var rows = await engine.ArrBridgeByAsync(Q1, Filters("segment=SMB"), Dimension.Region, Ct);

        Assert.True(rows.Count >= 3, string.Join(", ", rows.Select(r => r.Key)));
        foreach (var row in rows.Where(r => r.Key.Length > 0))
            Assert.Equal(await engine.ArrBridgeAsync(Q1, Filters($"segment=SMB;region={row.Key}"), Ct), row.Bridge);
        Assert.Equal((await engine.ArrBridgeAsync(Q1, Filters("segment=SMB"), Ct)).Ending, rows.Sum(r => r.Bridge.Ending));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Each_account_lands_in_one_movement(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext())
        {
            string[] names = ["grow", "gone", "fresh", "shrink", "steady", "swap", "blip", "back"];
            seed.Accounts.AddRange(names.Select(n => new Account { Id = n, Name = n }));
            seed.Subscriptions.AddRange(
                Sub("grow-1", "grow", 100.10m, "2025-01-01", null), Sub("grow-2", "grow", 50m, "2026-02-01", null),    // expansion +50
                Sub("gone-1", "gone", 200m, "2025-06-01", "2026-02-15"),                                                   // churn 200
                Sub("fresh-1", "fresh", 80.33m, "2026-01-10", null),                                                       // new 80.33
                Sub("shrink-1", "shrink", 300m, "2025-03-01", "2026-02-01"), Sub("shrink-2", "shrink", 250m, "2026-02-01", null), // contraction 50
                Sub("steady-1", "steady", 40m, "2024-01-01", null),                                                       // no change
                Sub("swap-1", "swap", 70m, "2025-01-01", "2026-03-01"), Sub("swap-2", "swap", 70m, "2026-03-01", null),   // product swap: no change
                Sub("blip-1", "blip", 999m, "2026-01-15", "2026-02-15"),                                                   // in and out within the quarter: nothing
                Sub("back-1", "back", 60m, "2024-01-01", "2025-06-01"), Sub("back-2", "back", 65m, "2026-03-01", null));  // returning customer: new
            await seed.SaveChangesAsync(Ct);
        }
        await using var db = database.NewContext();

        var bridge = await Engine(db).ArrBridgeAsync(Q1, MetricQuery.NoFilters, Ct);

        Assert.Equal(12m * (100.10m + 200m + 300m + 40m + 70m), bridge.Starting);
        Assert.Equal(12m * (80.33m + 65m), bridge.New);
        Assert.Equal(12m * 50m, bridge.Expansion);
        Assert.Equal(12m * 50m, bridge.Contraction);
        Assert.Equal(12m * 200m, bridge.Churn);
        Assert.Equal(12m * (150.10m + 80.33m + 250m + 40m + 70m + 65m), bridge.Ending);
        Assert.Equal((2L, 1L), (bridge.NewAccounts, bridge.ChurnedAccounts));
        Assert.True(bridge.Reconciles);
    }

    [Fact]
    public async Task A_filter_subscriptions_do_not_have_is_refused_before_any_query()
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();

        var ex = await Assert.ThrowsAsync<MetricNotSupportedException>(() =>
            Engine(db).ArrBridgeAsync(Q1, new Dictionary<Dimension, string> { [Dimension.Stage] = "Proposal" }, Ct));
        Assert.Equal(Dimension.Stage, ex.Dimension);
    }

    private static Subscription Sub(string id, string account, decimal mrr, string start, string? end) => new()
    {
        Id = id,
        AccountId = account,
        Mrr = mrr,
        StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        EndDate = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
    };
}

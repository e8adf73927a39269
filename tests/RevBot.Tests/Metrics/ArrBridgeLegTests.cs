using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Storage;
using static RevBot.Tests.Metrics.BridgeDataset;

namespace RevBot.Tests.Metrics;

/// <summary>
/// The ARR bridge's legs as metrics (new, expansion, contraction and churned ARR), the accounts behind each leg, and
/// new customers from first subscriptions, on <see cref="BridgeDataset"/>: every value is compared with the bridge the
/// test works out itself from the subscriptions.
/// </summary>
public sealed class ArrBridgeLegTests(BridgeDatabase data) : IClassFixture<BridgeDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DbProvider, string, string> Cases()
    {
        var data = new TheoryData<DbProvider, string, string>();
        foreach (var provider in new[] { DbProvider.Sqlite, DbProvider.Postgres })
        {
            foreach (var period in new[] { "Q3 2026", "Q4 2026", "2025" })
            {
                foreach (var filter in new[] { "", "segment=SMB", "region=EMEA" })
                    data.Add(provider, period, filter);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_leg_is_the_bridge_worked_out_account_by_account(DbProvider provider, string periodName, string filter)
    {
        await using var db = (await data.GetAsync(provider)).NewContext();
        var period = PeriodNamed(periodName);
        var (filters, keep) = Filter(filter);
        var moves = Moves(period, keep);

        var results = await Engine(db).EvaluateManyAsync(["new_arr", "expansion_arr", "contraction_arr", "churned_arr"], period, filters, ct: Ct);

        foreach (var (result, movement) in results.Zip(new[] { ArrMovement.New, ArrMovement.Expansion, ArrMovement.Contraction, ArrMovement.Churn }))
        {
            var leg = moves.Where(m => m.Movement == movement).ToList();
            Assert.True(leg.Count > 0 || filter.Length > 0, $"the dataset should exercise {movement} in {periodName}");
            Assert.Equal(leg.Sum(m => m.Leg), result.Total.Value);
            Assert.Equal(leg.Count, result.Total.Numerator);
        }
        // The legs reconcile with the ARR the engine reads on both days.
        var before = moves.Sum(m => m.Before);
        var after = moves.Sum(m => m.After);
        Assert.Equal(after, before + results[0].Total.Value + results[1].Total.Value - results[2].Total.Value - results[3].Total.Value);
        Assert.Equal(after, (await Engine(db).EvaluateAsync(new MetricQuery("arr", period, filters), Ct)).Total.Value);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_leg_broken_down_by_region_is_each_regions_own_leg(DbProvider provider)
    {
        await using var db = (await data.GetAsync(provider)).NewContext();

        var result = await Engine(db).EvaluateAsync(new MetricQuery("expansion_arr", Q3_2026, MetricQuery.NoFilters, Dimension.Region), Ct);

        var expected = Regions.Select(r => (Region: r, Value: Moves(Q3_2026, a => a.Region == r).Where(m => m.Movement == ArrMovement.Expansion).Sum(m => m.Leg)))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Region, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(expected.Select(e => (e.Region, (decimal?)e.Value)), result.Breakdown.Select(b => (b.Key, b.Value.Value)));
        Assert.Equal(expected.Sum(e => e.Value), result.Total.Value);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite, ArrMovement.Churn)]
    [InlineData(DbProvider.Sqlite, ArrMovement.Contraction)]
    [InlineData(DbProvider.Postgres, ArrMovement.Expansion)]
    [InlineData(DbProvider.Postgres, ArrMovement.New)]
    public async Task The_accounts_behind_a_leg_are_listed_largest_change_first(DbProvider provider, ArrMovement movement)
    {
        await using var db = (await data.GetAsync(provider)).NewContext();
        var moves = Moves(Year2025).Where(m => m.Movement == movement).OrderByDescending(m => m.Leg).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();

        var found = await Engine(db).ArrBridgeAccountsAsync(Year2025, MetricQuery.NoFilters, movement, 5, Ct);

        Assert.True(moves.Count > 5, $"{movement}: only {moves.Count} accounts");
        Assert.Equal(moves.Count, found.Total);
        Assert.Equal(moves.Sum(m => m.After - m.Before), found.Change);
        Assert.Equal(moves.Take(5).Select(m => (m.Id, m.Before, m.After)), found.Accounts.Select(a => (a.Id, a.Before, a.After)));
        Assert.Equal((new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31)), (found.StartDay, found.EndDay));
    }

    [Fact]
    public async Task A_leg_is_not_broken_down_by_product_nor_filtered_by_a_deal_attribute()
    {
        await using var db = (await data.GetAsync(DbProvider.Sqlite)).NewContext();

        var byProduct = await Assert.ThrowsAsync<MetricNotSupportedException>(() => Engine(db).EvaluateAsync(new MetricQuery("new_arr", Q3_2026, MetricQuery.NoFilters, Dimension.Product), Ct));
        var byStage = await Assert.ThrowsAsync<MetricNotSupportedException>(() => Engine(db).ArrBridgeAccountsAsync(Q3_2026, new Dictionary<Dimension, string> { [Dimension.Stage] = "Won" }, ArrMovement.Churn, 10, Ct));

        Assert.Equal((Dimension.Product, true), (byProduct.Dimension, byProduct.IsBreakdown));
        Assert.Equal((Dimension.Stage, false), (byStage.Dimension, byStage.IsBreakdown));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Without_won_new_business_new_customers_are_first_paid_subscriptions(DbProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var db = database.NewContext())
        {
            var engine = Engine(db);
            foreach (var period in new[] { Q3_2026, Q4_2026, Year2025 })
            {
                Assert.Equal(FirstPaidSubscriptions(period), (await engine.EvaluateAsync(new MetricQuery("new_customers", period, MetricQuery.NoFilters), Ct)).Total.Value);
                var smb = new Dictionary<Dimension, string> { [Dimension.Segment] = "SMB" };
                Assert.Equal(FirstPaidSubscriptions(period, a => a.Segment == "SMB"), (await engine.EvaluateAsync(new MetricQuery("new_customers", period, smb), Ct)).Total.Value);
            }
            Assert.True(FirstPaidSubscriptions(Year2025) > 5);
            // A trial is not a customer: an account whose first subscription is free counts when it first pays.
            Assert.NotEqual(Accounts.Count(a => Subscriptions.Where(s => s.AccountId == a.Id).Min(s => s.StartDate) is var first && first.Year == 2025),
                FirstPaidSubscriptions(Year2025));
            var bySource = await Assert.ThrowsAsync<MetricNotSupportedException>(() => engine.EvaluateAsync(new MetricQuery("new_customers", Year2025, new Dictionary<Dimension, string> { [Dimension.Source] = "Inbound" }), Ct));
            Assert.Equal(Dimension.Source, bySource.Dimension);
        }

        // One won new-business deal and the company counts new customers from deals again.
        await using (var db = database.NewContext())
        {
            db.Deals.Add(new Deal
            {
                Id = "won-1", Name = "First deal", AccountId = "acc-000", Amount = 1_000m, Status = DealStatus.Won, Stage = "Closed Won", Type = DealType.New,
                ClosedAt = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc), CloseDate = new DateOnly(2025, 6, 1),
            });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = database.NewContext())
            Assert.Equal(1m, (await Engine(db).EvaluateAsync(new MetricQuery("new_customers", Year2025, MetricQuery.NoFilters), Ct)).Total.Value);
    }

    internal static async Task<TestDatabase> SeededAsync(DbProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedAsync(db);
        return database;
    }

    private static Period PeriodNamed(string name) => name switch { "Q3 2026" => Q3_2026, "Q4 2026" => Q4_2026, _ => Year2025 };

    private static (Dictionary<Dimension, string> Filters, Func<Account, bool>? Keep) Filter(string spec) => spec switch
    {
        "segment=SMB" => (new() { [Dimension.Segment] = "SMB" }, a => a.Segment == "SMB"),
        "region=EMEA" => (new() { [Dimension.Region] = "EMEA" }, a => a.Region == "EMEA"),
        _ => (new(), null),
    };
}

/// <summary><see cref="BridgeDataset"/> seeded once per provider for the tests that only read it.</summary>
public sealed class BridgeDatabase : IAsyncDisposable
{
    private readonly SeededDatabases _databases = new(BridgeDataset.SeedAsync);

    public Task<TestDatabase> GetAsync(DbProvider provider) => _databases.GetAsync(provider);

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}

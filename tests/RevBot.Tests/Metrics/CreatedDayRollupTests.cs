using System.Globalization;
using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Metrics;

/// <summary>
/// PostgreSQL's rollup of deals by creation day (created_deal_days) must equal its definition after every kind of write,
/// and "pipeline created" must read it only where it gives the deals' own answer: the same as SQLite, which has no
/// rollups, and as PostgreSQL reading the deals once the zone is no longer kept.
/// </summary>
public sealed class CreatedDayRollupTests
{
    private const string Zone = RevenueDataset.TimeZone;
    private const string Columns = "time_zone, dimension, day, value, deals, amount";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rollup_equals_its_definition_after_every_kind_of_write()
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var conn = await OpenAsync(database);
        await AssertMatchesAsync(conn, "created_deal_days", Columns, "after seeding");
        Assert.Equal(3L, await ScalarAsync<long>(conn, "SELECT count(DISTINCT dimension) FROM created_deal_days"));

        string[] writes =
        [
            "UPDATE deals SET created_at = created_at - interval '40 days' WHERE id = 'o1'", // backdated into another quarter
            "UPDATE deals SET created_at = '2026-10-01 04:30Z' WHERE id = 'o4'", // had none; 23:30 local the day before
            "UPDATE deals SET created_at = NULL WHERE id = 'o3'",
            "UPDATE deals SET source = NULL, product = 'Services' WHERE id = 'o5'",
            "UPDATE deals SET amount = amount + 1234.56 WHERE status = 'open'",
            "UPDATE deals SET status = 'won', closed_at = '2026-12-01 15:00Z', stage = 'Closed Won' WHERE id = 'o1'", // moves nothing
            "UPDATE deals SET status = 'open', closed_at = NULL WHERE id = 'w2'", // reopened: moves nothing
            "UPDATE deals SET owner_id = NULL, next_step = 'call' WHERE id = 'o2'", // moves nothing
            """
            INSERT INTO deals (id, name, account_id, owner_id, amount, currency, stage, status, type, product, source, created_at, closed_at, version)
            SELECT id || '-copy', name, account_id, owner_id, amount, currency, stage, status, type, product, source, created_at, closed_at, 1 FROM deals
            """,
            "DELETE FROM deals WHERE id LIKE '%-copy' AND status = 'lost'",
            "DELETE FROM deals WHERE id = 'o6'",
            "TRUNCATE deals CASCADE",
        ];
        foreach (var write in writes)
        {
            await ExecuteAsync(conn, write);
            await AssertMatchesAsync(conn, "created_deal_days", Columns, "after " + write);
        }
        Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM created_deal_days"));
    }

    [Fact]
    public async Task A_new_zone_and_a_demo_load_fill_it()
    {
        await using (var database = await RollupDatabase.SeededAsync())
        {
            await using var db = database.NewContext();
            Assert.True(await Rollups.KeepZoneAsync(db, "Asia/Kolkata", Ct));
            await using var conn = await OpenAsync(database);
            Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM created_deal_days WHERE time_zone = 'Asia/Kolkata'") > 0);
            await AssertMatchesAsync(conn, "created_deal_days", Columns, "after adding a zone");
        }
        await using var demo = await DemoCompanyFixture.SeedAsync(DbProvider.Postgres, 0.02);
        await using var demoConn = await OpenAsync(demo);
        Assert.True(await ScalarAsync<long>(demoConn, "SELECT count(*) FROM created_deal_days") > 100);
        await AssertMatchesAsync(demoConn, "created_deal_days", Columns, "after the demo load");
    }

    public static TheoryData<Dimension?, Dimension?> Questions => new()
    {
        { null, null },
        { Dimension.Source, null },
        { Dimension.Product, null },
        { null, Dimension.Source },
        { Dimension.Source, Dimension.Source },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Pipeline_created_reads_the_rollup_and_gets_the_deals_answer(Dimension? groupBy, Dimension? filter)
    {
        (Dimension, string)[] filters = filter is { } f ? [(f, "Inbound")] : [];
        await using var sqlite = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = sqlite.NewContext()) await RevenueDataset.SeedAsync(db);
        var deals = Describe(await ResultAsync(sqlite, "pipeline_created", RevenueDataset.Q4_2026, Zone, groupBy, filters));
        Assert.NotEqual("total=0", deals);

        await using var postgres = await RollupDatabase.SeededAsync();
        Assert.Equal(deals, Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, Zone, groupBy, filters)));

        // Tampering with the rollup (no trigger guards it) shows the answer came from it.
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE created_deal_days SET deals = deals + 1, amount = amount + 1000");
        Assert.NotEqual(deals, Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, Zone, groupBy, filters)));

        // A zone no longer kept is never read: the deals give the same answer as SQLite.
        await ExecuteAsync(conn, $"DELETE FROM closed_deal_day_zones WHERE time_zone = '{Zone}'");
        Assert.Equal(deals, Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, Zone, groupBy, filters)));
    }

    [Fact]
    public async Task Other_created_questions_read_the_deals()
    {
        await using var postgres = await RollupDatabase.SeededAsync();
        var byOwner = Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, Zone, Dimension.Owner));
        var sourceForPlatform = Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, Zone, Dimension.Source, (Dimension.Product, "Platform")));
        var tokyo = Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, "Asia/Tokyo", Dimension.Source));

        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE created_deal_days SET deals = deals + 1, amount = amount + 1000");
        Assert.Equal(byOwner, Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, Zone, Dimension.Owner)));
        Assert.Equal(sourceForPlatform, Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, Zone, Dimension.Source, (Dimension.Product, "Platform"))));
        Assert.Equal(tokyo, Describe(await ResultAsync(postgres, "pipeline_created", RevenueDataset.Q4_2026, "Asia/Tokyo", Dimension.Source)));
    }

    private static string Describe(MetricResult result) =>
        string.Join("; ", result.Breakdown.Select(r => $"{r.Key}|{r.Label}={Number(r.Value.Value)}").Prepend($"total={Number(result.Total.Value)}"));

    private static string Number(decimal? value) => value is { } v ? Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture) : "none";
}

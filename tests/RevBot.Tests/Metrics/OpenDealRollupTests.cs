using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Metrics;

/// <summary>
/// PostgreSQL's rollup of open deals by stage, owner and source (open_deal_groups) must equal its definition (the
/// open_deal_groups_source view) after every kind of write, and the engine must read it only where it gives the deals'
/// own answer: the same as SQLite, which has no rollups, and as PostgreSQL reading the deals.
/// </summary>
public sealed class OpenDealRollupTests
{
    private const string Columns = "dimension, value, stage, deals, amount, weighted, unweighted";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rollup_equals_its_definition_after_every_kind_of_write()
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var conn = await OpenAsync(database);
        await AssertMatchesAsync(conn, "open_deal_groups", Columns, "after seeding");
        Assert.Equal(3L, await ScalarAsync<long>(conn, "SELECT count(DISTINCT dimension) FROM open_deal_groups"));

        string[] writes =
        [
            "UPDATE deals SET stage = 'Negotiation' WHERE id = 'o1'",
            "UPDATE deals SET owner_id = (SELECT id FROM users WHERE email = 'bob@acme.test') WHERE id IN ('o3', 'o4')",
            "UPDATE deals SET source = NULL WHERE id = 'o5'",
            "UPDATE deals SET probability = 40 WHERE id = 'o6'",
            "UPDATE deals SET probability = NULL WHERE id = 'o2'",
            "UPDATE deals SET amount = amount + 1234.56 WHERE status = 'open'",
            "UPDATE deals SET next_step = 'call them', close_date = '2027-03-01' WHERE status = 'open'", // moves nothing
            "UPDATE deals SET status = 'won', closed_at = '2026-12-01 15:00Z' WHERE id = 'o1'", // close
            "UPDATE deals SET status = 'lost', closed_at = '2026-12-02 15:00Z' WHERE id = 'o5'",
            "UPDATE deals SET status = 'open', closed_at = NULL, stage = 'Proposal' WHERE id IN ('o1', 'w2')", // reopen
            "UPDATE deals SET amount = amount + 1 WHERE status = 'won'", // closed deals: moves nothing here
            // Backdated: an open deal created and expected to close years ago counts like any other.
            """
            INSERT INTO deals (id, name, account_id, owner_id, amount, currency, stage, status, type, source, probability, created_at, close_date, version)
            VALUES ('old1', 'Old', 'acc-apex', (SELECT id FROM users WHERE email = 'carol@acme.test'), 5000, 'USD', 'Discovery', 'open', 'new', 'Partner', NULL, '2019-01-01Z', '2019-06-30', 1),
                   ('old2', 'Old 2', NULL, NULL, 7000, 'USD', 'Odd Stage', 'open', 'new', NULL, 30, '2018-01-01Z', NULL, 1)
            """,
            "DELETE FROM users WHERE email = 'bob@acme.test'", // the owner's deals lose their owner
            """
            INSERT INTO deals (id, name, account_id, owner_id, amount, currency, stage, status, type, product, source, probability, created_at, closed_at, version)
            SELECT id || '-copy', name, account_id, owner_id, amount, currency, stage, status, type, product, source, probability, created_at, closed_at, 1 FROM deals
            """,
            "DELETE FROM deals WHERE id LIKE '%-copy' AND stage = 'Proposal'",
            "DELETE FROM deals WHERE id = 'o6'", // the last Qualification deal: its groups go
            "TRUNCATE deals CASCADE",
        ];
        foreach (var write in writes)
        {
            await ExecuteAsync(conn, write);
            await AssertMatchesAsync(conn, "open_deal_groups", Columns, "after " + write);
        }
        Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM open_deal_groups"));
    }

    [Fact]
    public async Task An_emptied_group_is_removed()
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var conn = await OpenAsync(database);
        await ExecuteAsync(conn, "UPDATE deals SET stage = 'Proposal' WHERE id = 'o6'"); // the only Qualification deal
        Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM open_deal_groups WHERE stage = 'Qualification' OR deals = 0"));
    }

    [Fact]
    public async Task A_demo_load_with_its_triggers_off_rebuilds_the_rollup()
    {
        await using var database = await DemoCompanyFixture.SeedAsync(DbProvider.Postgres, 0.02);
        await using var conn = await OpenAsync(database);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM open_deal_groups WHERE dimension = 'owner'") > 10);
        await AssertMatchesAsync(conn, "open_deal_groups", Columns, "after the demo load");
    }

    public static TheoryData<string, Dimension?, Dimension?> Questions => new()
    {
        { "pipeline", null, null },
        { "pipeline", Dimension.Stage, null },
        { "pipeline", Dimension.Source, null },
        { "weighted_pipeline", Dimension.Owner, null },
        { "weighted_pipeline", Dimension.Stage, null },
        { "weighted_pipeline", null, Dimension.Source },
        { "pipeline", null, Dimension.Owner },
        { "pipeline", Dimension.Owner, Dimension.Team },
        { "weighted_pipeline", Dimension.Team, null },
        { "pipeline", Dimension.Source, Dimension.Stage },
        { "weighted_pipeline", Dimension.Stage, Dimension.Owner },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_pipeline_question_reads_the_rollup_and_gets_the_deals_answer(string metric, Dimension? groupBy, Dimension? filter)
    {
        (Dimension, string)[] filters = filter is { } f ? [(f, Values[f])] : [];
        await using var sqlite = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = sqlite.NewContext()) await RevenueDataset.SeedAsync(db);
        var deals = Describe(await AskAsync(sqlite, metric, groupBy, filters));
        Assert.NotEqual("total=0", deals);

        await using var postgres = await RollupDatabase.SeededAsync();
        Assert.Equal(deals, Describe(await AskAsync(postgres, metric, groupBy, filters)));
        // PostgreSQL reading the deals: an amount range every deal passes sends the question there.
        Assert.Equal(deals, Describe(await AskAsync(postgres, metric, groupBy, filters, AllAmounts)));

        // Tampering with the rollup (no trigger guards it) shows the answer came from it, and the range's did not.
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE open_deal_groups SET deals = deals + 1, amount = amount + 1000, weighted = weighted + 100000");
        Assert.NotEqual(deals, Describe(await AskAsync(postgres, metric, groupBy, filters)));
        Assert.Equal(deals, Describe(await AskAsync(postgres, metric, groupBy, filters, AllAmounts)));
    }

    [Fact]
    public async Task Other_pipeline_questions_read_the_deals()
    {
        await using var postgres = await RollupDatabase.SeededAsync();
        var quarter = await AskAsync(postgres, "pipeline", Dimension.Stage, [], period: RevenueDataset.Q4_2026); // expected close in a period
        var byProductOwner = await AskAsync(postgres, "pipeline", Dimension.Owner, [(Dimension.Product, "Platform")]);
        var bySourceForAlice = await AskAsync(postgres, "weighted_pipeline", Dimension.Source, [(Dimension.Owner, RevenueDataset.Alice)]);
        var byRegion = await AskAsync(postgres, "pipeline", Dimension.Region, []);

        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE open_deal_groups SET deals = deals + 1, amount = amount + 1000, weighted = weighted + 100000");
        Assert.Equal(Describe(quarter), Describe(await AskAsync(postgres, "pipeline", Dimension.Stage, [], period: RevenueDataset.Q4_2026)));
        Assert.Equal(Describe(byProductOwner), Describe(await AskAsync(postgres, "pipeline", Dimension.Owner, [(Dimension.Product, "Platform")])));
        Assert.Equal(Describe(bySourceForAlice), Describe(await AskAsync(postgres, "weighted_pipeline", Dimension.Source, [(Dimension.Owner, RevenueDataset.Alice)])));
        Assert.Equal(Describe(byRegion), Describe(await AskAsync(postgres, "pipeline", Dimension.Region, [])));
    }

    [Fact]
    public async Task A_team_change_moves_the_owners_pipeline_without_touching_the_rollup()
    {
        await using var postgres = await RollupDatabase.SeededAsync();
        var before = Describe(await AskAsync(postgres, "pipeline", Dimension.Team, []));
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, $"UPDATE users SET team = 'West' WHERE email = '{RevenueDataset.Alice}'");
        var rolledUp = Describe(await AskAsync(postgres, "pipeline", Dimension.Team, []));
        Assert.NotEqual(before, rolledUp);
        Assert.Equal(Describe(await AskAsync(postgres, "pipeline", Dimension.Team, [], AllAmounts)), rolledUp);
    }

    private static readonly Dictionary<Dimension, string> Values = new()
    {
        [Dimension.Source] = "Inbound",
        [Dimension.Owner] = RevenueDataset.Alice,
        [Dimension.Team] = "East",
        [Dimension.Stage] = "Proposal",
    };

    private static readonly QueryConditions AllAmounts = new() { Amount = new AmountRange(0m, null, MinInclusive: true) };

    /// <summary>The metric over all open deals (no period) on the dataset's as-of day, with <paramref name="conditions"/>.</summary>
    private static async Task<MetricResult> AskAsync(TestDatabase database, string metric, Dimension? groupBy, (Dimension, string)[] filters,
        QueryConditions? conditions = null, Period? period = null)
    {
        await using var db = database.NewContext();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(RevenueDataset.TimeZone);
        var now = TimeZoneInfo.ConvertTimeToUtc(RevenueDataset.AsOf.ToDateTime(new TimeOnly(12, 0)), zone);
        var clock = new CompanyClock(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), zone);
        var engine = new MetricEngine(db, Options.Create(new CompanyOptions { TimeZone = RevenueDataset.TimeZone }), clock);
        var query = new MetricQuery(metric, period ?? Period.AllTime, filters.ToDictionary(f => f.Item1, f => f.Item2), groupBy)
        {
            Conditions = conditions ?? QueryConditions.None,
        };
        return await engine.EvaluateAsync(query, Ct);
    }

    private static string Describe(MetricResult result) =>
        string.Join("; ", result.Breakdown.Select(r => $"{r.Key}|{r.Label}={Number(r.Value.Value)}").Prepend($"total={Number(result.Total.Value)}"));

    private static string Number(decimal? value) => value is { } v ? Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture) : "none";
}

using System.Globalization;
using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using RevBot.Testing;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Metrics;

/// <summary>
/// PostgreSQL's rollup of closed deals by product, source, loss reason, owner and the account's industry
/// (closed_deal_day_groups) is read for a question on one of them alone (an owner's team counts as the owner), and gives the deals' own answer: the same as
/// SQLite, which has no rollups, and as PostgreSQL reading the deals once the zone is no longer kept.
/// </summary>
public sealed class ClosedDayGroupRollupTests
{
    private const string Zone = RevenueDataset.TimeZone;
    private static readonly Dictionary<Dimension, string> Values = new()
    {
        [Dimension.Product] = "Platform",
        [Dimension.Source] = "Inbound",
        [Dimension.LossReason] = "price",
        [Dimension.Team] = "East",
        [Dimension.Industry] = "Software",
    };

    public static TheoryData<string, Dimension?, Dimension?> Questions => new()
    {
        { "win_rate", Dimension.Product, null },
        { "win_rate", Dimension.Source, null },
        { "bookings", Dimension.Source, null },
        { "avg_sales_cycle_days", Dimension.Product, null },
        { "deals_lost", Dimension.LossReason, null },
        { "lost_amount", null, Dimension.LossReason },
        { "win_rate", null, Dimension.Product },
        { "bookings", Dimension.Product, Dimension.Product },
        { "win_rate", Dimension.Owner, null },
        { "bookings", Dimension.Team, null },
        { "avg_sales_cycle_days", Dimension.Owner, Dimension.Team },
        { "deals_won", null, Dimension.Team },
        { "avg_deal_size", Dimension.Team, Dimension.Team },
        { "bookings", Dimension.Industry, null },
        { "win_rate", null, Dimension.Industry },
        { "avg_sales_cycle_days", Dimension.Industry, Dimension.Industry },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_question_on_one_deal_dimension_reads_the_rollup_and_gets_the_deals_answer(string metric, Dimension? groupBy, Dimension? filter)
    {
        (Dimension, string)[] filters = filter is { } f ? [(f, Values[f])] : [];
        await using var sqlite = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = sqlite.NewContext()) await RevenueDataset.SeedAsync(db);
        var deals = Describe(await ResultAsync(sqlite, metric, RevenueDataset.Q4_2026, Zone, groupBy, filters));

        await using var postgres = await RollupDatabase.SeededAsync();
        Assert.Equal(deals, Describe(await ResultAsync(postgres, metric, RevenueDataset.Q4_2026, Zone, groupBy, filters)));

        // Tampering with the rollup (no trigger guards it) shows the answer came from it; won and lost rows differently,
        // so that ratios move too.
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE closed_deal_day_groups SET deals = deals + CASE status WHEN 'won' THEN 100 ELSE 1 END, amount = amount + 1000, cycle_seconds = cycle_seconds + 8640000");
        Assert.NotEqual(deals, Describe(await ResultAsync(postgres, metric, RevenueDataset.Q4_2026, Zone, groupBy, filters)));

        // A zone no longer kept is never read: the deals give the same answer as SQLite.
        await ExecuteAsync(conn, $"DELETE FROM closed_deal_day_zones WHERE time_zone = '{Zone}'");
        Assert.Equal(deals, Describe(await ResultAsync(postgres, metric, RevenueDataset.Q4_2026, Zone, groupBy, filters)));
    }

    public static TheoryData<string, int> RankedByTeam => new()
    {
        { "bookings", 1 },
        { "bookings", 10 },
        { "deals_won", 1 },
        { "lost_amount", 1 },
        { "win_rate", 1 },
    };

    /// <summary>A ranked breakdown by team sums the rollup's rows per owner first, then the owners' groups per team.</summary>
    [Theory]
    [MemberData(nameof(RankedByTeam))]
    public async Task A_ranked_breakdown_by_team_reads_the_rollup_and_gets_the_deals_answer(string metric, int top)
    {
        await using var sqlite = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = sqlite.NewContext()) await RevenueDataset.SeedAsync(db);
        var deals = Describe(await ResultAsync(sqlite, metric, RevenueDataset.Q4_2026, Zone, Dimension.Team, top));
        Assert.Contains("|", deals);

        await using var postgres = await RollupDatabase.SeededAsync();
        Assert.Equal(deals, Describe(await ResultAsync(postgres, metric, RevenueDataset.Q4_2026, Zone, Dimension.Team, top)));
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE closed_deal_day_groups SET deals = deals + CASE status WHEN 'won' THEN 100 ELSE 1 END, amount = amount + 1000");
        Assert.NotEqual(deals, Describe(await ResultAsync(postgres, metric, RevenueDataset.Q4_2026, Zone, Dimension.Team, top)));
    }

    [Fact]
    public async Task A_question_on_two_dimensions_reads_the_deals()
    {
        await using var postgres = await RollupDatabase.SeededAsync();
        (Dimension, string)[] filters = [(Dimension.Region, "NA")];
        var before = Describe(await ResultAsync(postgres, "win_rate", RevenueDataset.Q4_2026, Zone, Dimension.Product, filters));
        var bySourceForPlatform = Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Source, (Dimension.Product, "Platform")));

        var byOwnerForPlatform = Describe(await ResultAsync(postgres, "win_rate", RevenueDataset.Q4_2026, Zone, Dimension.Owner, (Dimension.Product, "Platform")));
        // One owner alone reads the deals too: the owner's index holds only their deals.
        var alice = Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, null, (Dimension.Owner, RevenueDataset.Alice)));

        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE closed_deal_day_groups SET deals = deals + 100, amount = amount + 1000");
        Assert.Equal(before, Describe(await ResultAsync(postgres, "win_rate", RevenueDataset.Q4_2026, Zone, Dimension.Product, filters)));
        Assert.Equal(bySourceForPlatform, Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Source, (Dimension.Product, "Platform"))));
        Assert.Equal(byOwnerForPlatform, Describe(await ResultAsync(postgres, "win_rate", RevenueDataset.Q4_2026, Zone, Dimension.Owner, (Dimension.Product, "Platform"))));
        Assert.Equal(alice, Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, null, (Dimension.Owner, RevenueDataset.Alice))));
    }

    [Fact]
    public async Task A_team_change_moves_the_owners_deals_with_them_without_touching_the_rollup()
    {
        await using var postgres = await RollupDatabase.SeededAsync();
        var before = Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Team));
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, $"UPDATE users SET team = 'West' WHERE email = '{RevenueDataset.Alice}'");
        var rolledUp = Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Team));
        Assert.NotEqual(before, rolledUp);

        // The deals' own answer (the zone no longer kept) after the same change.
        await ExecuteAsync(conn, $"DELETE FROM closed_deal_day_zones WHERE time_zone = '{Zone}'");
        Assert.Equal(Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Team)), rolledUp);
    }

    [Fact]
    public async Task An_industry_change_moves_the_accounts_deals_in_the_rollup()
    {
        await using var postgres = await RollupDatabase.SeededAsync();
        var before = Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Industry));
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE accounts SET industry = 'Retail' WHERE id = 'acc-apex'");
        var rolledUp = Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Industry));
        Assert.NotEqual(before, rolledUp);

        // The deals' own answer (the zone no longer kept) after the same change.
        await ExecuteAsync(conn, $"DELETE FROM closed_deal_day_zones WHERE time_zone = '{Zone}'");
        Assert.Equal(Describe(await ResultAsync(postgres, "bookings", RevenueDataset.Q4_2026, Zone, Dimension.Industry)), rolledUp);
    }

    private static string Describe(MetricResult result) =>
        string.Join("; ", result.Breakdown.Select(r => $"{r.Key}|{r.Label}={Number(r.Value.Value)}").Prepend($"total={Number(result.Total.Value)}"));

    private static string Number(decimal? value) => value is { } v ? Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture) : "none";
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Metrics;

/// <summary>
/// PostgreSQL's won deals per account and calendar quarter or year (closed_deal_account_periods) answer a ranked
/// "bookings by account" only where they give the deals' own answer (SQLite's, which has no rollups): a window from
/// the start of a quarter or year, ending early only when no won deal of the period closed after it. The rollup equals
/// its definition under every write: ClosedDayRollupTests.
/// </summary>
public sealed class AccountPeriodRollupTests
{
    private const string Zone = RevenueDataset.TimeZone;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, bool> Windows => new()
    {
        { "bookings", "q4", true },
        { "bookings", "2026", true },
        // 2027 to the as-of day: no won deal of 2027 closed after it.
        { "bookings", "2027 to date", true },
        // Cobalt's won deal of 31 December (local) closed after the window: the quarter's row is not the answer.
        { "bookings", "q4 to 5 December", false },
        { "bookings", "November and December", false },
        // Ranked by the number of deals won, which the ranking index does not order.
        { "deals_won", "q4", false },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task Bookings_by_account_reads_the_rollup_only_where_it_gives_the_deals_answer(string metric, string window, bool rolledUp)
    {
        var period = window switch
        {
            "q4" => RevenueDataset.Q4_2026,
            "2026" => new Period(new(2026, 1, 1), new(2026, 12, 31), "2026", PeriodGrain.Year),
            "2027 to date" => new Period(new(2027, 1, 1), RevenueDataset.AsOf, "2027", PeriodGrain.Year, ToDate: true),
            "q4 to 5 December" => new Period(new(2026, 10, 1), new(2026, 12, 5), "Q4 2026", PeriodGrain.Quarter, ToDate: true),
            _ => new Period(new(2026, 11, 1), new(2026, 12, 31), "November and December"),
        };
        await using var sqlite = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = sqlite.NewContext()) await RevenueDataset.SeedAsync(db);
        var deals = await DescribeAsync(sqlite, metric, period);
        Assert.NotEqual("groups=0; total=0", deals);

        await using var postgres = await RollupDatabase.SeededAsync();
        Assert.Equal(deals, await DescribeAsync(postgres, metric, period));

        // Tampering with the rollup (no trigger guards it) shows whether the answer came from it.
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE closed_deal_account_periods SET deals = deals + 1, amount = amount + 1000");
        if (rolledUp) Assert.NotEqual(deals, await DescribeAsync(postgres, metric, period));
        else Assert.Equal(deals, await DescribeAsync(postgres, metric, period));

        // A zone no longer kept is never read.
        await ExecuteAsync(conn, $"DELETE FROM closed_deal_day_zones WHERE time_zone = '{Zone}'");
        Assert.Equal(deals, await DescribeAsync(postgres, metric, period));
    }

    [Fact]
    public async Task Accounts_tied_at_the_cut_all_come_back_and_the_label_picks_as_from_the_deals()
    {
        // Birch's 20,000 of Q4 becomes 30,000, Ember's: the second place is a tie, which the label breaks.
        const string tie = "UPDATE deals SET amount = 30000 WHERE id = 'w2'";
        await using var sqlite = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = sqlite.NewContext())
        {
            await RevenueDataset.SeedAsync(db);
            await db.Database.ExecuteSqlRawAsync(tie, Ct);
        }
        var deals = await DescribeAsync(sqlite, "bookings", RevenueDataset.Q4_2026);
        Assert.Contains("acc-birch|Birch=30000", deals);

        await using var postgres = await RollupDatabase.SeededAsync();
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, tie);
        Assert.Equal(deals, await DescribeAsync(postgres, "bookings", RevenueDataset.Q4_2026));
        Assert.Equal(2L, await ScalarAsync<long>(conn,
            $"SELECT count(*) FROM closed_deal_account_periods WHERE time_zone = '{Zone}' AND months = 3 AND period = '2026-10-01' AND amount = 30000"));
    }

    [Fact]
    public async Task A_filter_reads_the_deals()
    {
        await using var postgres = await RollupDatabase.SeededAsync();
        var period = new Period(new(2026, 1, 1), new(2026, 12, 31), "2026", PeriodGrain.Year);
        var before = await DescribeAsync(postgres, "bookings", period, (Dimension.Region, "NA"));
        await using var conn = await OpenAsync(postgres);
        await ExecuteAsync(conn, "UPDATE closed_deal_account_periods SET deals = deals + 1, amount = amount + 1000");
        Assert.Equal(before, await DescribeAsync(postgres, "bookings", period, (Dimension.Region, "NA")));
    }

    /// <summary>The first two accounts (what a ranked answer carries), the number of accounts and the total.</summary>
    private static async Task<string> DescribeAsync(TestDatabase database, string metric, Period period, params (Dimension, string)[] filters)
    {
        await using var db = database.NewContext();
        var tz = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var now = TimeZoneInfo.ConvertTimeToUtc(RevenueDataset.AsOf.ToDateTime(new TimeOnly(12, 0)), tz);
        var clock = new CompanyClock(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), tz);
        var engine = new MetricEngine(db, Options.Create(new CompanyOptions { TimeZone = Zone }), clock);
        var query = new MetricQuery(metric, period, filters.ToDictionary(f => f.Item1, f => f.Item2), Dimension.Account) { Top = 2 };
        var result = await engine.EvaluateAsync(query, Ct);
        return string.Join("; ", result.Breakdown.Select(r => $"{r.Key}|{r.Label}={Number(r.Value.Value)}")
            .Prepend($"total={Number(result.Total.Value)}").Prepend($"groups={result.GroupCount}"));
    }

    private static string Number(decimal? value) => value is { } v ? Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture) : "none";
}

using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>
/// A breakdown asked for its first groups only (<see cref="MetricQuery.Top"/>, what a chat answer shows) is ranked and
/// cut in the database for metrics whose value is one summed column: it must give the full breakdown's first groups,
/// in its order (ties by label), the same number of groups in all and the same total.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class RankedBreakdownTests(MetricsDatabase data)
{
    public static TheoryData<DbProvider, string, string, Dimension, int> Cases()
    {
        var cases = new TheoryData<DbProvider, string, string, Dimension, int>();
        foreach (var provider in new[] { DbProvider.Sqlite, DbProvider.Postgres })
        {
            // Accounts (named after ranking), with the "(none)" group inside and outside the cut.
            cases.Add(provider, "bookings", "q4", Dimension.Account, 2);
            cases.Add(provider, "bookings", "q4", Dimension.Account, 4);
            // Five accounts won one deal each in Q4: the cut falls inside a tie, which the label breaks.
            cases.Add(provider, "deals_won", "q4", Dimension.Account, 2);
            // Owners, named by e-mail and name after ranking; Carol and Bob tie at two deals.
            cases.Add(provider, "deals_won", "q4", Dimension.Owner, 1);
            cases.Add(provider, "weighted_pipeline", "all", Dimension.Owner, 1);
            // Plain columns.
            cases.Add(provider, "pipeline", "q4", Dimension.Stage, 2);
            cases.Add(provider, "lost_amount", "q4", Dimension.Source, 1);
            cases.Add(provider, "deals_lost", "q4", Dimension.LossReason, 2);
            cases.Add(provider, "pipeline_created", "2026", Dimension.Source, 2);
            // A metric whose value is not one column (a ratio) comes whole, whatever the top.
            cases.Add(provider, "win_rate", "q4", Dimension.Account, 2);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_ranked_breakdown_gives_the_full_ones_first_groups_group_count_and_total(DbProvider provider, string metric, string period, Dimension by, int top)
    {
        var within = period switch { "q4" => Q4_2026, "2026" => new Period(new(2026, 1, 1), new(2026, 12, 31), "2026"), _ => Period.AllTime };
        var full = await data.EvaluateAsync(provider, metric, within, by);
        var ranked = await data.UseAsync(provider, e => e.EvaluateAsync(new MetricQuery(metric, within, MetricQuery.NoFilters, by) { Top = top }, TestContext.Current.CancellationToken));

        Assert.True(full.Breakdown.Count > top, $"the case must have more groups than it shows: {full.Breakdown.Count}");
        Assert.Equal(full.Breakdown.Count, full.GroupCount);
        Assert.Equal(full.Total, ranked.Total);
        Assert.Equal(full.Breakdown.Count, ranked.GroupCount);
        var expected = metric == "win_rate" ? full.Breakdown : full.Breakdown.Take(top);
        Assert.Equal(expected.Select(r => (r.Key, r.Label, r.Value)), ranked.Breakdown.Select(r => (r.Key, r.Label, r.Value)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_statement_returns_only_the_groups_within_the_top_and_ties_at_the_cut(DbProvider provider)
    {
        // Q4 bookings by account: Apex 40,000, Ember 30,000, Birch 20,000, (none) 10,000, Cobalt 5,000.
        var top2 = await ClosedByAccountAsync(provider, RankedStat.WonAmount, 2);
        Assert.Equal(["acc-apex", "acc-ember"], top2.Groups.Keys.Select(k => k.Key).Order());
        Assert.Equal((5, 105_000m, 5L), (top2.GroupCount, top2.Total.WonAmount, top2.Total.Won));

        // One won deal each: every group ties with the first, so all come back for the caller to order by label.
        var ties = await ClosedByAccountAsync(provider, RankedStat.Won, 1);
        Assert.Equal(5, ties.Groups.Count);
        Assert.Equal(5, ties.GroupCount);
    }

    private Task<Grouped<ClosedStats>> ClosedByAccountAsync(DbProvider provider, RankedStat by, int top) =>
        data.ReadAsync(provider, db =>
        {
            var zone = MetricsDatabase.Company.GetTimeZone();
            var now = TimeZoneInfo.ConvertTimeToUtc(AsOf.ToDateTime(new TimeOnly(12, 0)), zone);
            var clock = new CompanyClock(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), zone);
            var window = MetricWindow.Create(Q4_2026, clock);
            var context = new MetricContext(db, MetricsDatabase.Company, MetricCatalog.Get("bookings"), window, MetricQuery.NoFilters) { Ranking = new GroupRanking(by, top) };
            return DealQueries.ClosedAsync(context, Dimension.Account, ClosedDeals.In(window, ClosedColumns.Amounts) with { WonOnly = true }, TestContext.Current.CancellationToken);
        });
}

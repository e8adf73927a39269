using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class DealListTests(MetricsDatabase data)
{
    private Task<IReadOnlyList<DealListItem>> ListAsync(DbProvider provider, DealListKind kind, Period? period, int limit = 10, bool ascending = false, params (Dimension, string)[] filters) =>
        data.UseAsync(provider, e => e.ListDealsAsync(
            new DealListQuery(kind, period, filters.ToDictionary(f => f.Item1, f => f.Item2), limit, ascending), TestContext.Current.CancellationToken));

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Open_deals_closing_in_the_period_top_and_bottom(DbProvider provider)
    {
        Assert.Equal(["o1", "o2"], (await ListAsync(provider, DealListKind.Open, Q4_2026, limit: 2)).Select(d => d.Id));
        Assert.Equal(["o5", "o4"], (await ListAsync(provider, DealListKind.Open, Q4_2026, limit: 2, ascending: true)).Select(d => d.Id));
        // No period: every open deal, including o3 (2027) and o6 (no close date, no name: listed by id).
        var all = await ListAsync(provider, DealListKind.Open, null);
        Assert.Equal(["o1", "o2", "o3", "o4", "o6", "o5"], all.Select(d => d.Id));
        var o6 = all.Single(d => d.Id == "o6");
        Assert.Equal(("o6", 8_000m, (DateOnly?)null), (o6.Name, o6.Amount, o6.CloseDate));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Won_and_lost_deals_closed_in_the_period(DbProvider provider)
    {
        var won = await ListAsync(provider, DealListKind.Won, Q4_2026, limit: 3);
        Assert.Equal(["w1", "w3", "w2"], won.Select(d => d.Id));
        Assert.Equal(new DealListItem("w1", "Apex w1", 40_000m, "Apex", "Alice Adams", "Closed Won", new DateOnly(2026, 10, 11), Utc("2026-10-11 15:00")), won[0]);
        Assert.Equal(DateTimeKind.Utc, won[0].ClosedAt!.Value.Kind);
        // The boundary deal w5 (23:30 local on 31 Dec) is in Q4's list.
        Assert.Contains("w5", (await ListAsync(provider, DealListKind.Won, Q4_2026, limit: 10, ascending: true)).Select(d => d.Id));
        Assert.Equal(["l1", "l2", "l3"], (await ListAsync(provider, DealListKind.Lost, Q4_2026)).Select(d => d.Id));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deal_lists_take_filters_and_reject_bad_limits(DbProvider provider)
    {
        var carol = await ListAsync(provider, DealListKind.Open, null, 10, false, (Dimension.Owner, Carol));
        Assert.Equal(["o3", "o5"], carol.Select(d => d.Id));
        // w4 has no account: its region is Bob's.
        Assert.Equal(["w2", "w4"], (await ListAsync(provider, DealListKind.Won, Q4_2026, 10, false, (Dimension.Region, "EMEA"))).Select(d => d.Id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAsync(provider, DealListKind.Won, Q4_2026, limit: 0));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Lists_picked_from_the_per_region_and_segment_lists_are_the_filtered_lists(DbProvider provider)
    {
        string?[] regions = [null, "NA", "EMEA", "APAC", "Mars"];
        string?[] segments = [null, "Enterprise", "SMB", "Mid-Market", "None"];
        foreach (var (kind, period) in new[] { (DealListKind.Open, (Period?)Q4_2026), (DealListKind.Open, null), (DealListKind.Won, Q4_2026), (DealListKind.Lost, Q4_2026) })
            foreach (var (limit, ascending) in new[] { (1, false), (2, true), (10, false) })
            {
                var groups = await data.UseAsync(provider, e => e.ListDealsByRegionAndSegmentAsync(
                    new DealListQuery(kind, period, MetricQuery.NoFilters, limit, ascending), TestContext.Current.CancellationToken));
                foreach (var region in regions)
                    foreach (var segment in segments)
                    {
                        var filters = new List<(Dimension, string)>();
                        if (region is not null) filters.Add((Dimension.Region, region));
                        if (segment is not null) filters.Add((Dimension.Segment, segment));
                        var direct = await ListAsync(provider, kind, period, limit, ascending, [.. filters]);
                        Assert.Equal(direct, groups.Pick(region, segment));
                    }
            }
    }

    [Fact]
    public async Task The_per_group_list_refuses_a_region_or_segment_filter()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => data.UseAsync(DbProvider.Sqlite, e => e.ListDealsByRegionAndSegmentAsync(
            new DealListQuery(DealListKind.Won, Q4_2026, new Dictionary<Dimension, string> { [Dimension.Segment] = "SMB" }, 5), TestContext.Current.CancellationToken)));
    }
}

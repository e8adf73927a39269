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
}

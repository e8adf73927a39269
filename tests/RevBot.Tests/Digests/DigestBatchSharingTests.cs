using Microsoft.EntityFrameworkCore;
using RevBot.Core.Digests;
using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using RevBot.Tests.Demo;
using static RevBot.Tests.Digests.DigestHarness;

namespace RevBot.Tests.Digests;

/// <summary>
/// A batch told its subscribers' filters (<see cref="DigestCache.Expect"/>) takes the unfiltered and the segments'
/// numbers from the totals of the region breakdowns its region subscribers read anyway. Each must still be the
/// engine's number for the digest's own filters.
/// </summary>
public sealed class DigestBatchSharingTests(DemoCompanyFixture company)
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Numbers_from_a_region_breakdown_total_equal_the_engine_for_the_digest_own_filters(DbProvider provider)
    {
        var database = await company.GetAsync(provider);
        await using var other = database.NewContext();
        var engine = Engine(other);
        var regions = await other.Accounts.Where(a => a.Region != null).Select(a => a.Region!).Distinct().OrderBy(r => r).ToListAsync(Ct);
        var segments = await other.Accounts.Where(a => a.Segment != null).Select(a => a.Segment!).Distinct().OrderBy(s => s).ToListAsync(Ct);
        Assert.True(regions.Count > 1 && segments.Count > 1);
        var batch = new List<IReadOnlyDictionary<Dimension, string>> { MetricQuery.NoFilters };
        batch.AddRange(regions.Select(r => new Dictionary<Dimension, string> { [Dimension.Region] = r }));
        batch.AddRange(regions.SelectMany(r => segments.Select(s => new Dictionary<Dimension, string> { [Dimension.Region] = r, [Dimension.Segment] = s })));
        // The filter sets whose numbers come from a breakdown's total: none (the regions' breakdown) and each segment
        // (its region × segment subscribers' breakdown).
        List<IReadOnlyDictionary<Dimension, string>> fromTotals =
            [MetricQuery.NoFilters, .. segments.Select(s => new Dictionary<Dimension, string> { [Dimension.Segment] = s })];
        var cache = new DigestCache();
        cache.Expect([.. batch, .. fromTotals]);
        var plain = new DigestCache();

        foreach (var filters in fromTotals)
        {
            foreach (var kind in DigestKinds.All)
            {
                await using var db = database.NewContext();
                var digest = await Builder(db).BuildAsync(new DigestRequest(kind, AsOf, filters), cache, Ct);
                await using var alone = database.NewContext();
                await Builder(alone).BuildAsync(new DigestRequest(kind, AsOf, filters), plain, Ct);
                var name = $"{kind} {string.Join(',', filters.Select(f => f.Value))}";

                foreach (var m in digest.Metrics)
                {
                    var expected = await engine.EvaluateAsync(new MetricQuery(m.Metric, m.Period, filters), Ct);
                    Assert.True(expected.Total == m.Value, $"{name} {m.Metric} {m.Scope}: digest {m.Value}, engine {expected.Total}");
                    if (m.PreviousPeriod is { } previousPeriod)
                        Assert.Equal((await engine.EvaluateAsync(new MetricQuery(m.Metric, previousPeriod, filters), Ct)).Total, m.Previous);
                }
                if (digest.Charts.SingleOrDefault(c => c.Id == "arr_bridge") is { } chart)
                {
                    var bridge = await engine.ArrBridgeAsync(digest.QuarterToDate, filters, Ct);
                    Assert.Equal([bridge.Starting, bridge.New, bridge.Expansion, -bridge.Contraction, -bridge.Churn, bridge.Ending], chart.Bars.Select(b => b.Value));
                }
            }
        }

        // The numbers did come from the breakdowns: told the batch's filters, the cache asked (nearly) nothing without a
        // region breakdown; the forecast and what cannot be broken down by region still are.
        Assert.True(Ungrouped(cache) * 3 < Ungrouped(plain), $"{Ungrouped(cache)} statements without a breakdown told the batch's filters, {Ungrouped(plain)} not told");
    }

    /// <summary>Statements without a breakdown (the cache key's sixth part, <c>DigestData.Key</c>).</summary>
    private static int Ungrouped(DigestCache cache) => cache.Slowest(int.MaxValue).Count(q => q.Key.Split('|')[5].Length == 0);
}

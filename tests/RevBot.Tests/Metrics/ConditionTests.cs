using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>
/// Amount ranges, value sets and exclusions, Q4 2026. Each expected value is computed here with LINQ over the seeded
/// rows (region is the account's, else the owner's), never read back from the engine; each condition also changes the
/// answer, so a condition that was dropped fails.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class ConditionTests(MetricsDatabase data)
{
    private static readonly TimeZoneInfo Zone = MetricsDatabase.Company.GetTimeZone();

    private Task<List<Deal>> DealsAsync(DbProvider provider) =>
        data.ReadAsync(provider, db => db.Deals.AsNoTracking().Include(d => d.Account).Include(d => d.Owner).ToListAsync(TestContext.Current.CancellationToken));

    private Task<MetricResult> EvaluateAsync(DbProvider provider, string metric, QueryConditions conditions, Dimension? groupBy = null) =>
        data.UseAsync(provider, e => e.EvaluateAsync(new MetricQuery(metric, Q4_2026, MetricQuery.NoFilters, groupBy) { Conditions = conditions }, TestContext.Current.CancellationToken));

    private static DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    private static List<Deal> ClosedInQ4(IEnumerable<Deal> deals) =>
        [.. deals.Where(d => d.Status is DealStatus.Won or DealStatus.Lost && d.ClosedAt >= StartUtc(Q4_2026.Start) && d.ClosedAt < StartUtc(Q4_2026.End.AddDays(1)))];

    private static string? Region(Deal d) => d.Account?.Region ?? d.Owner?.Region;

    private static QueryConditions Amount(decimal? min, decimal? max, bool inclusive = false) =>
        new() { Amount = new AmountRange(min, max, inclusive, inclusive) };

    private static QueryConditions Set(Dimension dimension, bool exclude, params string[] values) =>
        new() { Sets = new Dictionary<Dimension, ValueSet> { [dimension] = new ValueSet(values, exclude) } };

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Bookings_and_win_rate_count_only_deals_in_the_amount_range(DbProvider provider)
    {
        var closed = ClosedInQ4(await DealsAsync(provider));
        var won = closed.Where(d => d.Status == DealStatus.Won).ToList();

        // Over 10,000 is strict: the 10,000 deals (w4, l3) are out.
        var over = won.Where(d => d.Amount > 10_000m).ToList();
        Assert.NotEqual(won.Count, over.Count);
        Expect.Value(over.Sum(d => d.Amount), over.Count, null, (await EvaluateAsync(provider, "bookings", Amount(10_000m, null))).Total);

        // Between 10,000 and 30,000 takes both ends.
        bool Between(Deal d) => d.Amount is >= 10_000m and <= 30_000m;
        var inRange = closed.Where(Between).ToList();
        var rate = (await EvaluateAsync(provider, "win_rate", Amount(10_000m, 30_000m, inclusive: true))).Total;
        Expect.Value((decimal)inRange.Count(d => d.Status == DealStatus.Won) / inRange.Count, rate);
        Assert.Equal(inRange.Count(d => d.Status == DealStatus.Won), rate.Numerator);

        // Under 20,000 on the average deal size.
        var small = won.Where(d => d.Amount < 20_000m).ToList();
        Expect.Value(small.Average(d => d.Amount), (await EvaluateAsync(provider, "avg_deal_size", Amount(null, 20_000m))).Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Pipeline_takes_the_amount_range_on_open_deals(DbProvider provider)
    {
        var open = (await DealsAsync(provider)).Where(d => d.Status == DealStatus.Open && d.CloseDate >= Q4_2026.Start && d.CloseDate <= Q4_2026.End).ToList();
        var under = open.Where(d => d.Amount < 30_000m).ToList();
        Assert.NotEmpty(under);
        Assert.NotEqual(open.Count, under.Count);
        Expect.Value(under.Sum(d => d.Amount), (await EvaluateAsync(provider, "pipeline", Amount(null, 30_000m))).Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_exclusion_keeps_every_other_value_and_rows_without_one(DbProvider provider)
    {
        var won = ClosedInQ4(await DealsAsync(provider)).Where(d => d.Status == DealStatus.Won).ToList();
        var notEmea = won.Where(d => Region(d) != "EMEA").ToList();
        Assert.NotEqual(won.Count, notEmea.Count);
        var excluded = (await EvaluateAsync(provider, "bookings", Set(Dimension.Region, exclude: true, "EMEA"))).Total;
        Expect.Value(notEmea.Sum(d => d.Amount), notEmea.Count, null, excluded);

        // Several excluded values, on a deal column: neither renewals nor expansions leaves new business.
        var newBusiness = won.Where(d => d.Type == DealType.New).ToList();
        Expect.Value(newBusiness.Sum(d => d.Amount), (await EvaluateAsync(provider, "bookings", Set(Dimension.Type, exclude: true, "renewal", "expansion"))).Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_set_of_values_counts_deals_with_any_of_them(DbProvider provider)
    {
        var closed = ClosedInQ4(await DealsAsync(provider));
        var some = closed.Where(d => d.Account?.Segment is "SMB" or "Mid-Market").ToList();
        Assert.NotEmpty(some);
        var rate = (await EvaluateAsync(provider, "win_rate", Set(Dimension.Segment, exclude: false, "SMB", "Mid-Market"))).Total;
        Expect.Value((decimal)some.Count(d => d.Status == DealStatus.Won) / some.Count, rate);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_breakdown_with_an_exclusion_leaves_that_group_out(DbProvider provider)
    {
        var won = ClosedInQ4(await DealsAsync(provider)).Where(d => d.Status == DealStatus.Won && Region(d) != "NA").ToList();
        var expected = won.GroupBy(Region).ToDictionary(g => g.Key ?? "", g => g.Sum(d => d.Amount));
        var result = await EvaluateAsync(provider, "bookings", Set(Dimension.Region, exclude: true, "NA"), Dimension.Region);
        Assert.DoesNotContain(result.Breakdown, r => r.Key == "NA");
        Assert.Equal(expected.Count, result.Breakdown.Count);
        foreach (var row in result.Breakdown)
            Expect.Value(expected[row.Key ?? ""], row.Value, row.Key);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deal_lists_take_the_amount_range_and_the_sets(DbProvider provider)
    {
        var won = ClosedInQ4(await DealsAsync(provider)).Where(d => d.Status == DealStatus.Won).ToList();
        var expected = won.Where(d => d.Amount >= 10_000m && Region(d) != "EMEA").OrderByDescending(d => d.Amount).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id).ToList();
        var conditions = new QueryConditions
        {
            Amount = new AmountRange(10_000m, null, MinInclusive: true),
            Sets = new Dictionary<Dimension, ValueSet> { [Dimension.Region] = new ValueSet(["EMEA"], Exclude: true) },
        };
        var listed = await data.UseAsync(provider, e => e.ListDealsAsync(new DealListQuery(DealListKind.Won, Q4_2026, MetricQuery.NoFilters) { Conditions = conditions }, TestContext.Current.CancellationToken));
        Assert.Equal(expected, listed.Select(d => d.Id));
        Assert.NotEqual(won.Count, listed.Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_amount_range_on_a_metric_not_computed_from_deals_is_refused(DbProvider provider)
    {
        var ex = await Assert.ThrowsAsync<MetricNotSupportedException>(() => EvaluateAsync(provider, "arr", Amount(50_000m, null)));
        Assert.True(ex.IsAmount);
        Assert.Contains("ARR", ex.Message, StringComparison.Ordinal);
    }
}

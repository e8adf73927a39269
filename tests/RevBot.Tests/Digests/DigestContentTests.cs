using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Digests;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Tests.Demo;
using static RevBot.Tests.Digests.DigestHarness;

namespace RevBot.Tests.Digests;

/// <summary>Every number of every digest is the metric engine's for the same metric, period and filters.</summary>
public sealed class DigestContentTests(DemoCompanyFixture company)
{
    public static TheoryData<DbProvider, DigestKind, string> Cases()
    {
        var data = new TheoryData<DbProvider, DigestKind, string>();
        foreach (var provider in new[] { DbProvider.Sqlite, DbProvider.Postgres })
            foreach (var kind in DigestKinds.All)
                foreach (var filters in new[] { "", "region=EMEA", "segment=SMB;region=North America" })
                    data.Add(provider, kind, filters);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Headline_numbers_and_their_comparisons_equal_the_engine(DbProvider provider, DigestKind kind, string filterSpec)
    {
        var database = await company.GetAsync(provider);
        var filters = Filters(filterSpec);
        await using var db = database.NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(kind, AsOf, filters), ct: Ct);
        await using var other = database.NewContext();
        var engine = Engine(other);

        Assert.NotEmpty(digest.Metrics);
        foreach (var m in digest.Metrics)
        {
            var expected = await engine.EvaluateAsync(new MetricQuery(m.Metric, m.Period, filters), Ct);
            Assert.True(expected.Total == m.Value, $"{m.Metric} {m.Scope}: digest {m.Value}, engine {expected.Total}");
            if (m.PreviousPeriod is { } previousPeriod)
                Assert.Equal((await engine.EvaluateAsync(new MetricQuery(m.Metric, previousPeriod, filters), Ct)).Total, m.Previous);
            if (m.Target is { } target)
                Assert.Equal((await engine.EvaluateAsync(new MetricQuery("quota_attainment", m.Period, filters), Ct)).Total.Denominator, target);
        }
    }

    [Fact]
    public async Task Periods_are_last_week_the_quarter_to_date_and_the_same_point_last_quarter()
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(DigestKind.Sales, AsOf), ct: Ct);

        var week = digest.Metrics.First(m => m.Metric == "bookings" && m.Scope == DigestScope.Week);
        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15)), (week.Period.Start, week.Period.End));
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8)), (week.PreviousPeriod!.Start, week.PreviousPeriod.End));
        var qtd = digest.Metrics.First(m => m.Metric == "bookings" && m.Scope == DigestScope.QuarterToDate);
        Assert.Equal((new DateOnly(2026, 1, 1), AsOf), (qtd.Period.Start, qtd.Period.End));
        // 75 days into Q1, against the first 75 days of Q4.
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 14)), (qtd.PreviousPeriod!.Start, qtd.PreviousPeriod.End));
        var pipeline = digest.Metrics.Single(m => m.Metric == "pipeline");
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (pipeline.Period.Start, pipeline.Period.End));
        Assert.Null(pipeline.Previous);
    }

    [Theory]
    [InlineData(DigestKind.Sales, new[] { "bookings", "deals_won", "deals_lost", "win_rate", "pipeline_created", "pipeline", "forecast" })]
    [InlineData(DigestKind.Cs, new[] { "arr", "net_new_arr", "logo_churn_rate", "nrr", "expansion_rate", "renewal_rate" })]
    [InlineData(DigestKind.Marketing, new[] { "pipeline_created", "new_customers", "cac", "win_rate" })]
    [InlineData(DigestKind.Finance, new[] { "bookings", "arr", "net_new_arr", "logo_churn_rate", "revenue_churn_rate", "forecast" })]
    [InlineData(DigestKind.Exec, new[] { "bookings", "win_rate", "pipeline_created", "pipeline", "forecast", "arr", "net_new_arr", "logo_churn_rate" })]
    public async Task Each_audience_gets_its_numbers(DigestKind kind, string[] metrics)
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(kind, AsOf), ct: Ct);

        Assert.Equal(metrics.Order(), digest.Metrics.Select(m => m.Metric).Distinct().Order());
        Assert.Empty(digest.Notes);
    }

    [Fact]
    public async Task A_filter_a_metric_cannot_take_leaves_the_number_out_with_a_note()
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(DigestKind.Marketing, AsOf, Filters("region=EMEA")), ct: Ct);

        Assert.DoesNotContain(digest.Metrics, m => m.Metric == "cac");
        Assert.Equal(["No customer acquisition cost: it cannot be filtered by region."], digest.Notes);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Lists_and_charts_are_the_engine_lists_and_add_up_to_the_headline_numbers(DbProvider provider)
    {
        var database = await company.GetAsync(provider);
        var filters = Filters("region=EMEA");
        await using var db = database.NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(DigestKind.Sales, AsOf, filters), ct: Ct);
        await using var other = database.NewContext();
        var engine = Engine(other);

        foreach (var (section, kind) in new[] { (DigestSectionIds.TopWon, DealListKind.Won), (DigestSectionIds.TopLost, DealListKind.Lost) })
        {
            var deals = await engine.ListDealsAsync(new DealListQuery(kind, digest.Week, filters, 5), Ct);
            Assert.Equal(deals.Select(d => d.Id), digest.Sections.Single(s => s.Id == section).Items.Select(i => i.SubjectId));
        }
        Assert.All(digest.Sections.Single(s => s.Id == DigestSectionIds.TopLost).Items, i => Assert.NotNull(i.Detail));
        var weekly = digest.Charts.Single(c => c.Id == "bookings_by_week");
        Assert.Equal((await engine.EvaluateAsync(new MetricQuery("bookings", digest.QuarterToDate, filters), Ct)).Total.Value, weekly.Bars.Sum(b => b.Value));
        Assert.Equal(12, weekly.Bars.Count);
        var stages = digest.Charts.Single(c => c.Id == "pipeline_by_stage");
        var quarter = new Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), "Q1 2026", PeriodGrain.Quarter);
        Assert.Equal((await engine.EvaluateAsync(new MetricQuery("pipeline", quarter, filters), Ct)).Total.Value, stages.Bars.Sum(b => b.Value));
        string[] order = ["Prospecting", "Qualification", "Discovery", "Proposal", "Negotiation"];
        Assert.Equal(stages.Bars.Select(b => b.Label).OrderBy(l => Array.IndexOf(order, l)), stages.Bars.Select(b => b.Label));
        Assert.NotEmpty(stages.Bars);
    }

    /// <summary>
    /// In a batch the forecast is started on its own connection and read after the digest's other numbers: it still
    /// stands in its reading place (after the deal headlines), with the numbers of the digest built alone.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task In_a_batch_the_forecast_read_on_its_own_connection_stands_in_its_place(DbProvider provider)
    {
        var database = await company.GetAsync(provider);
        await using var services = new ServiceCollection().AddScoped<RevBotDb>(_ => database.NewContext()).BuildServiceProvider();
        var cache = new DigestCache();
        foreach (var kind in new[] { DigestKind.Sales, DigestKind.Finance, DigestKind.Exec })
        {
            await using var a = database.NewContext();
            var batch = await new DigestBuilder(a, Options.Create(Company), Clock(AsOf), [], new DataFactsCache(TimeProvider.System), services.GetRequiredService<IServiceScopeFactory>())
                .BuildAsync(new DigestRequest(kind, AsOf), cache, Ct);
            await using var b = database.NewContext();
            var alone = await Builder(b).BuildAsync(new DigestRequest(kind, AsOf), ct: Ct);

            var headlines = DigestHeadlines.For(kind);
            var before = kind == DigestKind.Exec ? DigestHeadlines.ExecDealMetrics : headlines.Count;
            Assert.Equal([.. headlines.Take(before), (MetricIds.Forecast, DigestScope.Quarter), .. headlines.Skip(before)], batch.Metrics.Select(m => (m.Metric, m.Scope)));
            Assert.Equal(alone.Metrics.Select(m => (m.Metric, m.Scope, m.Value, m.Previous, m.Target)), batch.Metrics.Select(m => (m.Metric, m.Scope, m.Value, m.Previous, m.Target)));
            Assert.Equal(alone.Notes, batch.Notes);
        }
    }

    [Fact]
    public async Task A_shared_cache_asks_each_number_once_and_changes_no_number()
    {
        var database = await company.GetAsync(DbProvider.Sqlite);
        var cache = new DigestCache();
        var shared = new List<Digest>();
        var alone = new List<Digest>();
        foreach (var kind in DigestKinds.All)
        {
            await using var a = database.NewContext();
            shared.Add(await Builder(a).BuildAsync(new DigestRequest(kind, AsOf), cache, Ct));
            await using var b = database.NewContext();
            alone.Add(await Builder(b).BuildAsync(new DigestRequest(kind, AsOf), ct: Ct));
        }

        Assert.True(cache.Hits >= 20, $"{cache.Hits} hits for {cache.Queries} queries");
        Assert.Equal(alone.SelectMany(d => d.Metrics.Select(m => (m.Metric, m.Scope, m.Value, m.Previous))),
            shared.SelectMany(d => d.Metrics.Select(m => (m.Metric, m.Scope, m.Value, m.Previous))));
    }
}

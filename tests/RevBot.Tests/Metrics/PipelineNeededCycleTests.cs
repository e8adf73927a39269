using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>
/// "How much pipeline do I need": the historical sales cycle says by when pipeline must be created to close in the
/// period, and the answer says when that day has passed (issue 21). Hand-computed on <see cref="RevenueDataset"/>,
/// and on the demo company against the cycle the test computes from the deals itself.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class PipelineNeededCycleTests(MetricsDatabase data, DemoCompanyFixture demo) : IClassFixture<DemoCompanyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_cycle_of_the_year_before_sets_the_last_day_to_create_pipeline(DbProvider provider)
    {
        // Won in the year before Q4 2026, with a creation time: q2a 10 Jan 15:00 → 15 Apr 15:00 (95 days), q2c 1 May →
        // 30 Jun (60 days), w6 1 Sep 15:00 → 1 Oct 03:30 UTC (29.52 days). Mean 61.51 days: pipeline created after
        // 31 Dec − 62 days = 30 Oct would close after the quarter.
        var expected = (95m + 60m + (29m + (12.5m / 24m))) / 3m;
        var late = (await data.TotalAsync(provider, MetricIds.PipelineNeeded, Q4_2026)).Timing!;
        Assert.Equal((Math.Round(expected, 1), 3L, new DateOnly(2026, 10, 30), Q4_2026.End, true), (late.CycleDays, late.CycleDeals, late.CreateBy, late.PeriodEnd, late.Passed));

        // Asked on 15 Oct, the same quarter still takes new pipeline until 30 Oct.
        var early = await data.ReadAsync(provider, async db =>
        {
            var zone = MetricsDatabase.Company.GetTimeZone();
            var now = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 10, 15, 12, 0, 0), zone);
            var engine = new MetricEngine(db, Options.Create(MetricsDatabase.Company), new CompanyClock(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), zone));
            return (await engine.EvaluateAsync(new MetricQuery(MetricIds.PipelineNeeded, Q4_2026, new Dictionary<Dimension, string>()), Ct)).Total.Timing!;
        });
        Assert.Equal((late.CycleDays, new DateOnly(2026, 10, 30), false), (early.CycleDays, early.CreateBy, early.Passed));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_answer_says_by_when_pipeline_counts_in_English_and_Spanish(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        var company = new CompanyOptions { TimeZone = "America/New_York" };
        var asOf = new DateOnly(2026, 3, 16);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = company.TimeZone }).Build();
        await using var services = new ServiceCollection().AddLogging().AddRevBotCore(configuration).AddRevBotData(database.Target).BuildServiceProvider();

        // The cycle computed here from the deals: won between 1 Jan 2025 and 1 Jan 2026 (New York), created before.
        var zone = company.GetTimeZone();
        var (from, to) = (TimeZoneInfo.ConvertTimeToUtc(new DateTime(2025, 1, 1), zone), TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 1, 1), zone));
        await using var db = database.NewContext();
        var won = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Won && d.ClosedAt >= from && d.ClosedAt < to && d.CreatedAt != null)
            .Select(d => new { d.CreatedAt, d.ClosedAt }).ToListAsync(Ct);
        Assert.True(won.Count > 10, "the demo company won deals in 2025");
        var days = (decimal)won.Average(d => (d.ClosedAt!.Value - d.CreatedAt!.Value).TotalDays);
        var createBy = new DateOnly(2026, 3, 31).AddDays(-(int)Math.Ceiling(days));

        var english = await AskAsync(services, "how much pipeline do we need to make our number this quarter?", asOf);
        Assert.Equal("pipeline_needed", english.Metric);
        var timing = english.PipelineTiming!;
        Assert.Equal((won.Count, createBy.ToString("yyyy-MM-dd"), createBy < asOf), (timing.CycleDeals, timing.CreateBy, timing.Passed));
        Assert.True(Math.Abs(timing.CycleDays - days) < 0.06m, $"cycle {timing.CycleDays} vs {days}");
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var sentence = timing.Passed
            ? string.Create(inv, $"pipeline created after {createBy:MMM d, yyyy} would close after Mar 31, 2026, so new pipeline no longer counts")
            : string.Create(inv, $"pipeline counts only if it is created by {createBy:MMM d, yyyy}");
        Assert.Contains(string.Create(inv, $"At the historical sales cycle of {timing.CycleDays:#,0.0} days ({won.Count:#,0} deals won in the year before)"), english.Text, StringComparison.Ordinal);
        Assert.Contains(sentence, english.Text, StringComparison.Ordinal);

        var spanish = await AskAsync(services, "¿cuánto pipeline necesitamos para llegar a la cuota este trimestre?", asOf);
        Assert.Equal((english.Value, english.PipelineTiming), (spanish.Value, spanish.PipelineTiming));
        Assert.Contains("Con el ciclo de venta histórico de ", spanish.Text, StringComparison.Ordinal);
        Assert.Contains(timing.Passed ? "así que el pipeline nuevo ya no cuenta" : "el pipeline solo cuenta si se crea a más tardar el", spanish.Text, StringComparison.Ordinal);
    }

    private static async Task<Answer> AskAsync(ServiceProvider services, string question, DateOnly asOf)
    {
        await using var scope = services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, null, asOf), Ct);
        Assert.True(answer.Understood, $"\"{question}\": {answer.Text}");
        return answer;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests;
using RevBot.Core.Domain;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;
using static RevBot.Tests.Digests.DigestHarness;

namespace RevBot.Tests.Conversation;

/// <summary>
/// `ask` and the digest compare the same way (issue 17): on the digest's day, "bookings this quarter" is the quarter so
/// far against the same number of days of the quarter before, with the values the test sums itself from the deals.
/// </summary>
public sealed class ComparisonAnswerTests(DemoCompanyFixture company)
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task This_quarter_compares_like_for_like_and_agrees_with_the_digest(DbProvider provider)
    {
        var database = await company.GetAsync(provider);
        await using var db = database.NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(DigestKind.Sales, AsOf, MetricQueryFilters()), ct: Ct);
        var headline = digest.Metrics.Single(m => m.Metric == "bookings" && m.Scope == DigestScope.QuarterToDate);
        await using var services = Services(database.Target);

        var answer = await AskAsync(services, "bookings this quarter");

        // AsOf is Mar 16, 2026: 75 days of Q1, against Oct 1 – Dec 14, 2025.
        var (from, to, before, beforeEnd) = (new DateOnly(2026, 1, 1), AsOf, new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 14));
        Assert.Equal(new AnswerPeriod("2026-01-01", "2026-03-16", answer.Period!.Label), answer.Period);
        Assert.Equal(new AnswerPeriod("2025-10-01", "2025-12-14", "the first 75 days of Q4 2025"), answer.Comparison!.Period);
        var now = await WonAsync(db, from, to);
        var then = await WonAsync(db, before, beforeEnd);
        Assert.True(now > 0 && then > 0, "the demo company has bookings in both windows");
        Assert.Equal((now, then, now - then), (answer.Value, answer.Comparison.Value, answer.Comparison.Change));
        Assert.Contains("in the first 75 days of Q4 2025", answer.Text, StringComparison.Ordinal);

        // The digest's "vs same point last quarter" is the same pair of windows and numbers.
        Assert.Equal((headline.PreviousPeriod!.Start, headline.PreviousPeriod.End), (before, beforeEnd));
        Assert.Equal((now, then), (headline.Value.Value, headline.Previous!.Value));

        var spanish = await AskAsync(services, "ventas cerradas este trimestre");
        Assert.Equal(answer.Comparison with { Period = answer.Comparison.Period with { Label = "los primeros 75 días del T4 2025" } }, spanish.Comparison);
        Assert.Contains("en los primeros 75 días del T4 2025", spanish.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_quarter_to_date_and_the_win_rate_use_the_same_windows(DbProvider provider)
    {
        var database = await company.GetAsync(provider);
        await using var db = database.NewContext();
        await using var services = Services(database.Target);
        var qtd = await AskAsync(services, "win rate quarter to date");
        var quarter = await AskAsync(services, "win rate this quarter");
        Assert.Equal(new AnswerPeriod("2025-10-01", "2025-12-14", "the first 75 days of Q4 2025"), qtd.Comparison!.Period);
        Assert.Equal(qtd.Comparison, quarter.Comparison);
        Assert.Equal(qtd.Value, quarter.Value);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_comparison_before_the_data_starts_says_there_is_no_earlier_data(DbProvider provider)
    {
        var database = await company.GetAsync(provider);
        await using var db = database.NewContext();
        await using var services = Services(database.Target);
        var first = await FirstDayAsync(db);
        // The quarter the data starts in: its previous quarter is entirely before the data.
        var quarter = (first.Month - 1) / 3 + 1;
        var answer = await AskAsync(services, $"bookings in Q{quarter} {first.Year}");

        Assert.NotNull(answer.Value);
        Assert.Null(answer.Comparison!.Value);
        Assert.Null(answer.Comparison.Change);
        Assert.Equal(first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), answer.Comparison.DataStarts);
        Assert.Contains("with no earlier data to compare with: the data starts on", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" from $0", answer.Text, StringComparison.Ordinal);

        var spanish = await AskAsync(services, $"ventas cerradas en el T{quarter} {first.Year}");
        Assert.Null(spanish.Comparison!.Value);
        Assert.Contains("sin datos anteriores con los que comparar: los datos empiezan el", spanish.Text, StringComparison.Ordinal);

        // A year later there is earlier data again, and the comparison is made.
        var later = await AskAsync(services, $"bookings in Q{quarter} {first.Year + 1}");
        Assert.NotNull(later.Comparison!.Value);
        Assert.Null(later.Comparison.DataStarts);
    }

    [Fact]
    public async Task A_digest_near_the_start_of_the_data_says_there_is_no_earlier_data_instead_of_comparing_with_zero()
    {
        var database = await company.GetAsync(DbProvider.Sqlite);
        await using var db = database.NewContext();
        var first = await FirstDayAsync(db);
        var day = first.AddDays(20);
        var digest = await new DigestBuilder(db, Microsoft.Extensions.Options.Options.Create(Company), Clock(day), [], new Core.Metrics.DataFactsCache(TimeProvider.System)).BuildAsync(new DigestRequest(DigestKind.Sales, day, MetricQueryFilters()), ct: Ct);

        var bookings = digest.Metrics.Single(m => m.Metric == "bookings" && m.Scope == DigestScope.QuarterToDate);
        Assert.Null(bookings.PreviousPeriod);
        Assert.Null(bookings.Change);
        Assert.Contains(digest.Notes, n => n.StartsWith("No earlier data to compare with: the data starts on", StringComparison.Ordinal));
    }

    private static IReadOnlyDictionary<Core.Metrics.Dimension, string> MetricQueryFilters() => Core.Metrics.MetricQuery.NoFilters;

    private static ServiceProvider Services(DbTarget target)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = Company.TimeZone }).Build();
        return new ServiceCollection().AddLogging().AddRevBotCore(configuration).AddRevBotData(target).BuildServiceProvider();
    }

    private static async Task<Answer> AskAsync(ServiceProvider services, string question)
    {
        await using var scope = services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, null, AsOf), Ct);
        Assert.True(answer.Understood, $"\"{question}\": {answer.Text}");
        return answer;
    }

    /// <summary>Won amount closed in [from, to] company-local days, summed here, not by the engine.</summary>
    private static async Task<decimal> WonAsync(Core.Storage.RevBotDb db, DateOnly from, DateOnly to)
    {
        var zone = Company.GetTimeZone();
        var (start, end) = (TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone), TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
        var won = await db.Deals.Where(d => d.Status == DealStatus.Won && d.ClosedAt != null).Select(d => new { d.ClosedAt, d.Amount }).ToListAsync(Ct);
        return won.Where(d => d.ClosedAt >= start && d.ClosedAt < end).Sum(d => d.Amount);
    }

    private static async Task<DateOnly> FirstDayAsync(Core.Storage.RevBotDb db)
    {
        var zone = Company.GetTimeZone();
        var deals = await db.Deals.Select(d => new { d.CreatedAt, d.ClosedAt }).ToListAsync(Ct);
        var days = deals.SelectMany(d => new[] { d.CreatedAt, d.ClosedAt }).Where(t => t is not null)
            .Select(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t!.Value, DateTimeKind.Utc), zone)))
            .Concat(await db.Subscriptions.Select(s => s.StartDate).ToListAsync(Ct));
        return days.Min();
    }
}

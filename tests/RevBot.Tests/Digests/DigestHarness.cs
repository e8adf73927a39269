using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Company;
using RevBot.Core.Digests;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Tests.Digests;

/// <summary>Builders and engines over one database, their "today" on a fake clock at noon New York time on the as-of day.</summary>
internal static class DigestHarness
{
    public static CompanyOptions Company { get; } = new() { TimeZone = "America/New_York" };

    /// <summary>A Monday, the day after the demo company's data ends: last week is 9–15 March 2026.</summary>
    public static DateOnly AsOf { get; } = new(2026, 3, 16);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DigestBuilder Builder(RevBotDb db, IEnumerable<IDigestFeed>? feeds = null) =>
        new(db, Options.Create(Company), Clock(AsOf), feeds ?? [], new DataFactsCache(TimeProvider.System));

    public static MetricEngine Engine(RevBotDb db, DateOnly? asOf = null) => new(db, Options.Create(Company), Clock(asOf ?? AsOf));

    public static CompanyClock Clock(DateOnly day)
    {
        var zone = Company.GetTimeZone();
        var noon = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), zone);
        return new CompanyClock(new FakeTimeProvider(new DateTimeOffset(noon, TimeSpan.Zero)), zone);
    }

    public static IReadOnlyDictionary<Dimension, string> Filters(string? spec) => spec switch
    {
        null or "" => MetricQuery.NoFilters,
        _ => spec.Split(';').Select(p => p.Split('=')).ToDictionary(p => Enum.Parse<Dimension>(p[0], ignoreCase: true), p => p[1]),
    };
}

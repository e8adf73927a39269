using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests;

/// <summary>
/// Builds a digest from the revenue database. Every number is the metric engine's, evaluated with the engine's
/// "today" pinned to the request's as-of day, so a digest built for Monday shows what "bookings last week" asked on
/// Monday answers. Give several builds the same <see cref="DigestCache"/> (one batch of scheduled digests) and each
/// distinct number is queried once. Scoped, like the database context it reads.
/// </summary>
public sealed class DigestBuilder(RevBotDb db, IOptions<CompanyOptions> options, CompanyClock clock, IEnumerable<IDigestFeed> feeds, DataFactsCache dataFacts)
{
    public Task<Digest> BuildAsync(DigestRequest request, DigestCache? cache = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Filters);
        // Channels subscribed to the same digest (kind, day, filters, language) get the same one, built once per batch.
        var key = $"{DigestCache.DigestPrefix}{DigestKinds.Name(request.Kind)}|{request.AsOf.DayNumber}|{request.Language}|" +
            string.Join(',', request.Filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
        return cache is null ? BuildNowAsync(request, new DigestCache(), ct) : cache.GetAsync(key, () => BuildNowAsync(request, cache, ct));
    }

    private async Task<Digest> BuildNowAsync(DigestRequest request, DigestCache cache, CancellationToken ct)
    {
        var company = options.Value;
        var at = CompanyClock.At(request.AsOf, clock.Zone);
        var fiscal = new FiscalCalendar(company.FiscalYearStartMonth);
        var language = Texts.Languages.Contains(request.Language) ? request.Language : Texts.Neutral;
        var periods = new DigestPeriods(request.AsOf, fiscal, language);
        var data = new DigestData(db, new MetricEngine(db, options, at), at, cache, company, dataFacts) { Ct = ct };
        var parts = new DigestParts(request with { Language = language }, data, periods, fiscal, company.Currency, feeds);
        var content = await DigestPlans.BuildAsync(request.Kind, parts, [.. company.EffectiveStages.Select(s => s.Name)]);
        return new Digest
        {
            Kind = request.Kind,
            AsOf = request.AsOf,
            Language = language,
            Currency = company.Currency,
            Filters = request.Filters,
            Week = periods.Week,
            QuarterToDate = periods.QuarterToDate,
            Metrics = content.Metrics,
            Sections = content.Sections,
            Charts = content.Charts,
            Notes = parts.Notes,
        };
    }

    /// <summary>The day a digest posted now is built for: today in the company's time zone.</summary>
    public DateOnly Today => clock.Today;

}

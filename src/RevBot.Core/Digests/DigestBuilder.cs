using Microsoft.Extensions.DependencyInjection;
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
public sealed class DigestBuilder(
    RevBotDb db, IOptions<CompanyOptions> options, CompanyClock clock, IEnumerable<IDigestFeed> feeds, DataFactsCache dataFacts, IServiceScopeFactory? scopes = null)
{
    public Task<Digest> BuildAsync(DigestRequest request, DigestCache? cache = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Filters);
        // Channels subscribed to the same digest (kind, day, filters, language) get the same one, built once per batch.
        var key = $"{DigestCache.DigestPrefix}{DigestKinds.Name(request.Kind)}|{request.AsOf.DayNumber}|{request.Language}|" +
            string.Join(',', request.Filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
        return cache is null ? BuildNowAsync(request, new DigestCache(), ct) : cache.GetAsync(key, () => BuildNowAsync(request, cache, ct, batch: true));
    }

    private async Task<Digest> BuildNowAsync(DigestRequest request, DigestCache cache, CancellationToken ct, bool batch = false)
    {
        var company = options.Value;
        var at = CompanyClock.At(request.AsOf, clock.Zone);
        var fiscal = new FiscalCalendar(company.FiscalYearStartMonth);
        var language = Texts.Languages.Contains(request.Language) ? request.Language : Texts.Neutral;
        var periods = new DigestPeriods(request.AsOf, fiscal, language);
        var data = new DigestData(db, new MetricEngine(db, options, at), at, cache, company, dataFacts) { Ct = ct };
        if (batch && DigestPlans.ShowsForecast(request.Kind)) StartForecast(request.Filters, periods.Quarter, at, cache, ct);
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

    /// <summary>
    /// Starts the quarter's forecast, the batch's slowest number (the company's learned table, seconds at scale 100), on
    /// its own connection through the batch's cache, so the digest reads its other numbers meanwhile instead of waiting
    /// for it with nothing else to do; the digest then takes it from the cache (the same key, engine and day).
    /// </summary>
    private void StartForecast(IReadOnlyDictionary<Dimension, string> filters, Period quarter, CompanyClock at, DigestCache cache, CancellationToken ct)
    {
        // A filter the forecast does not support shows a note instead of the number: nothing to start.
        if (scopes is null || !filters.Keys.All(d => MetricSupport.Supports(MetricIds.Forecast, d, breakdown: false))) return;
        _ = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var data = new DigestData(own, new MetricEngine(own, options, at), at, cache, options.Value, dataFacts) { Ct = ct };
            try
            {
                await data.EvaluateAsync(MetricIds.Forecast, quarter, filters);
            }
            catch (Exception)
            {
                // The cache forgets a failed number: the digest asks for it again itself, and reports what goes wrong.
            }
        }, CancellationToken.None);
    }

    /// <summary>The day a digest posted now is built for: today in the company's time zone.</summary>
    public DateOnly Today => clock.Today;

}

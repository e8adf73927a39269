using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// The finance and exec digests' "Forecast call" section: the quarter's latest calls against the model and the plan,
/// the company first, then each team (<see cref="ForecastCallCompany"/>, the numbers of the RevOps roll-up). Calls are
/// made per team: a digest filtered by team shows that team; one filtered by region or segment shows nothing (a
/// company call in a region's digest would mislead), and says so by its empty text.
/// </summary>
public sealed class ForecastCallDigestFeed(ForecastCallCompany company, ForecastCallReader reader, IOptions<CompanyOptions> options) : IDigestFeed
{
    public string Section => DigestSectionIds.ForecastCall;

    public async Task<IReadOnlyList<DigestItem>> ReadAsync(DigestFeedRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Filters.Keys.Any(k => k != Dimension.Team)) return [];
        var start = new FiscalCalendar(options.Value.FiscalYearStartMonth).StartOf(PeriodGrain.Quarter, request.AsOf);
        var teams = await company.TeamsAsync(start, request.Filters.TryGetValue(Dimension.Team, out var team) ? [team] : null, ct);
        if (teams.Count == 0) return [];
        var call = teams[0].Call;
        var currency = options.Value.Currency;
        var language = request.Language;
        var model = team is null ? await reader.ModelAsync(call, MetricQuery.NoFilters, ct) : teams[0].Model;
        var plan = team is null ? await company.PlanAsync(call.PeriodStart, call.PeriodEnd, ct) : null;
        string Money(decimal? v) => v is { } x ? ForecastCallCards.Money(x, currency, language) : Texts.Get(language, nameof(Catalog.FcallNoModel));
        var commit = teams.Sum(t => t.Commit);
        var items = new List<DigestItem>
        {
            new(Texts.Get(language, nameof(Catalog.FcallCompanyText), Money(commit), Money(teams.Sum(t => t.BestCase)), Money(model), Money(plan)), commit),
        };
        if (team is null) items.AddRange(teams.Take(request.Limit - 1).Select(t => new DigestItem(ForecastCallCompany.Line(t, currency, language), t.Commit)));
        return items;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// Reads what a call's cards show. The model's number is the metric engine's <c>forecast</c> for the period with the
/// person's owner filter (or the team's): the same number "forecast this quarter" answers them, whatever model
/// computes it. Calls are the forecast snapshots of this call and of the team's previous one.
/// </summary>
public sealed class ForecastCallReader(RevBotDb db, IOptions<CompanyOptions> company, IOptions<ForecastCallOptions> options, CompanyClock clock)
{
    public async Task<ForecastCallView?> ViewAsync(ForecastCall call, int ownerId, bool team, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, ct);
        if (owner is null) return null;
        var deals = OpenDeals(call, team ? null : owner.Id);
        var top = await deals.OrderByDescending(d => d.Amount).ThenBy(d => d.Id).Take(options.Value.MaxDeals).ToListAsync(ct);
        var pipeline = await deals.SumAsync(d => (decimal?)d.Amount, ct) ?? 0;
        var filters = new Dictionary<Dimension, string>();
        if (team) filters[Dimension.Team] = call.Team;
        else filters[Dimension.Owner] = owner.Email;
        var previous = await PreviousAsync(call, ct);
        return new ForecastCallView(call, owner, team, await ModelAsync(call, filters, ct), pipeline, top,
            await NumbersAsync(call.Id, owner.Id, team, ct), previous is null ? null : await NumbersAsync(previous.Id, owner.Id, team, ct),
            company.Value.Currency, ZoneOf(call));
    }

    /// <summary>The model's number: <c>forecast</c> over the call's quarter for these filters; null when the engine cannot filter it so.</summary>
    public async Task<decimal?> ModelAsync(ForecastCall call, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var engine = new MetricEngine(db, company, clock);
        try
        {
            var result = await engine.EvaluateAsync(new MetricQuery(MetricIds.Forecast, Quarter(call), filters), ct);
            return result.Total.Value;
        }
        catch (MetricNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The team's call before this one (last week's), or null for the first.</summary>
    public Task<ForecastCall?> PreviousAsync(ForecastCall call, CancellationToken ct) =>
        db.ForecastCalls.AsNoTracking().Where(c => c.Team == call.Team && c.OpenedAt < call.OpenedAt).OrderByDescending(c => c.OpenedAt).FirstOrDefaultAsync(ct);

    /// <summary>A person's submitted call in a call (their own, or their team's), or null when they have not submitted.</summary>
    public async Task<ForecastCallNumbers?> NumbersAsync(long callId, int ownerId, bool team, CancellationToken ct)
    {
        var (commit, best) = team ? (ForecastCallKinds.TeamCommit, ForecastCallKinds.TeamBestCase) : (ForecastCallKinds.Commit, ForecastCallKinds.BestCase);
        var rows = await db.ForecastSnapshots.AsNoTracking().Where(f => f.CallId == callId && f.OwnerId == ownerId && (f.Kind == commit || f.Kind == best))
            .Select(f => new { f.Kind, f.Amount }).ToListAsync(ct);
        var c = rows.FirstOrDefault(r => r.Kind == commit);
        var b = rows.FirstOrDefault(r => r.Kind == best);
        return c is null || b is null ? null : new ForecastCallNumbers(c.Amount, b.Amount);
    }

    /// <summary>Open deals expected to close in the call's quarter: one person's, or the team's.</summary>
    public IQueryable<Deal> OpenDeals(ForecastCall call, int? ownerId)
    {
        ArgumentNullException.ThrowIfNull(call);
        var deals = db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Open && d.CloseDate >= call.PeriodStart && d.CloseDate <= call.PeriodEnd);
        return ownerId is { } id
            ? deals.Where(d => d.OwnerId == id)
            : deals.Where(d => db.Users.Any(u => u.Id == d.OwnerId && u.Team == call.Team));
    }

    /// <summary>The call's time zone; the company's if the stored id is unknown on this machine.</summary>
    public TimeZoneInfo ZoneOf(ForecastCall call) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(call?.TimeZone ?? "", out var zone) ? zone : clock.Zone;

    public static Period Quarter(ForecastCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new Period(call.PeriodStart, call.PeriodEnd, "this quarter", PeriodGrain.Quarter);
    }
}

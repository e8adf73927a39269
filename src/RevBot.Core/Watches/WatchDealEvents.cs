using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.Watches;

/// <summary>A deal a deal watch tells about.</summary>
public sealed record WatchDealEvent(string DealId, string Name, decimal Amount, DateOnly? CloseDate);

/// <summary>
/// The deal events of a deal watch since its last check, one query each: stage changes into the watched stage
/// (<c>deal_stage_history</c>), and close-date changes (<c>deal_history</c>) that took a deal due in the current quarter
/// past its end. "Over $100k" and "of mine" narrow both.
/// </summary>
public sealed class WatchDealEvents(RevBotDb db, CompanyClock clock, IOptions<CompanyOptions> company)
{
    public async Task<IReadOnlyList<WatchDealEvent>> FindAsync(WatchRequest spec, int ownerId, DateTime since, DateTime until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var deals = db.Deals.AsNoTracking().AsQueryable();
        if (spec.MinAmount is { } min) deals = deals.Where(d => d.Amount > min);
        if (spec.Mine) deals = deals.Where(d => d.OwnerId == ownerId);
        IQueryable<string> moved;
        if (spec.Kind == WatchKind.DealStage)
        {
            var stage = spec.Stage ?? "";
            moved = db.DealStageHistory.Where(h => h.Stage == stage && h.EnteredAt > since && h.EnteredAt <= until).Select(h => h.DealId);
        }
        else
        {
            var (start, end) = Quarter();
            // A change now past the quarter's end whose previous entry was due inside the quarter.
            moved = db.DealHistory.Where(h => h.At > since && h.At <= until && h.CloseDate > end
                    && db.DealHistory.Where(p => p.DealId == h.DealId && p.At < h.At).OrderByDescending(p => p.At)
                        .Select(p => p.CloseDate).FirstOrDefault() >= start
                    && db.DealHistory.Where(p => p.DealId == h.DealId && p.At < h.At).OrderByDescending(p => p.At)
                        .Select(p => p.CloseDate).FirstOrDefault() <= end)
                .Select(h => h.DealId);
        }
        return await deals.Where(d => moved.Contains(d.Id)).OrderByDescending(d => d.Amount).ThenBy(d => d.Id)
            .Select(d => new WatchDealEvent(d.Id, d.Name ?? d.Id, d.Amount, d.CloseDate)).ToListAsync(ct);
    }

    public Task<string> QuarterLabelAsync(string language, CancellationToken ct)
    {
        var resolver = new PeriodResolver(clock.Today, new FiscalCalendar(company.Value.FiscalYearStartMonth), language);
        return Task.FromResult(resolver.Offset(PeriodGrain.Quarter, 0).Label);
    }

    private (DateOnly Start, DateOnly End) Quarter()
    {
        var q = new PeriodResolver(clock.Today, new FiscalCalendar(company.Value.FiscalYearStartMonth), "en").Offset(PeriodGrain.Quarter, 0);
        return (q.Start, q.End);
    }
}

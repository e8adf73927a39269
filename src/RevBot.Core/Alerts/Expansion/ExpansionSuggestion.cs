using Microsoft.EntityFrameworkCore;
using RevBot.Core.Localization;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// The amount "Create expansion deal" suggests, as a year of the extra MRR: the active users over the seats paid for at
/// the price per seat the account pays now (its MRR ÷ its seats); else, when its plan has a next plan with a price per
/// seat (<see cref="ExpansionSettings.Plans"/>), its seats at that price less today's MRR; else none (the field is left
/// empty). Read when the button is pressed, so it follows the data as it is then.
/// </summary>
internal sealed record ExpansionSuggestion(decimal Amount, string Why)
{
    public static async Task<ExpansionSuggestion?> ForAsync(RevBotDb db, string accountId, ExpansionSettings s, DateOnly today, AlertText t, CancellationToken ct)
    {
        var subs = await db.Subscriptions.AsNoTracking()
            .Where(x => x.AccountId == accountId && x.StartDate <= today && (x.EndDate == null || x.EndDate > today))
            .Select(x => new { x.Product, x.Mrr, x.Seats }).ToListAsync(ct);
        if (subs.Count == 0) return null;
        var mrr = subs.Sum(x => x.Mrr);
        var seats = subs.Sum(x => x.Seats ?? 0);
        var from = today.AddDays(-s.UsageWindowDays);
        var peak = await db.Usage.AsNoTracking().Where(u => u.AccountId == accountId && u.Date >= from && u.Date < today).MaxAsync(u => u.ActiveUsers, ct);
        if (seats > 0 && peak > seats && mrr > 0)
        {
            var perSeat = mrr / seats;
            var extra = peak.Value - seats;
            return new(Math.Round(extra * perSeat * 12), t.Get(nameof(Catalog.ExpansionSuggestSeats), t.Whole(extra), t.Whole(seats), t.Money(perSeat)));
        }
        var plan = subs.MaxBy(x => x.Mrr)!.Product;
        if (seats > 0 && plan is not null && s.Plans.TryGetValue(plan, out var current) && current.Next is { } next
            && s.Plans.TryGetValue(next, out var up) && up.PricePerSeat is { } price && price * seats > mrr)
            return new(Math.Round((price * seats - mrr) * 12), t.Get(nameof(Catalog.ExpansionSuggestPlan), t.Whole(seats), next, t.Money(price), t.Money(mrr)));
        return null;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.IntegrationTests.Alerts;

/// <summary>
/// Makes one demo customer ready to expand, with numbers the test can check: one active subscription of 10 seats at
/// its MRR, 14 active users yesterday, no open expansion deal. The suggested amount is then 4 seats × (MRR ÷ 10) × 12.
/// </summary>
internal static class ExpansionReadyAccount
{
    public static async Task<(string AccountId, string Name, decimal Suggested)> PrepareAsync(IServiceProvider services, int skip, CancellationToken ct)
    {
        var db = services.GetRequiredService<RevBotDb>();
        var today = services.GetRequiredService<CompanyClock>().Today;
        var candidates = await db.Subscriptions.AsNoTracking()
            .Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate > today) && s.Mrr > 0)
            .GroupBy(s => s.AccountId).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(id => id).ToListAsync(ct);
        var accountId = candidates[skip];
        await db.Deals.Where(d => d.AccountId == accountId && d.Status == DealStatus.Open && d.Type == DealType.Expansion).ExecuteDeleteAsync(ct);
        var sub = await db.Subscriptions.SingleAsync(s => s.AccountId == accountId && s.StartDate <= today && (s.EndDate == null || s.EndDate > today), ct);
        sub.Seats = 10;
        var from = today.AddDays(-30);
        await db.Usage.Where(u => u.AccountId == accountId && u.Date >= from).ExecuteDeleteAsync(ct);
        db.Usage.Add(new ProductUsage { AccountId = accountId, Date = today.AddDays(-1), ActiveUsers = 14, Events = 100 });
        await db.SaveChangesAsync(ct);
        var name = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Name).SingleAsync(ct);
        return (accountId, name, Math.Round(4 * (sub.Mrr / 10) * 12));
    }
}

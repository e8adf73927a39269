using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Tests.Demo;

/// <summary>A hash of every seeded table, read back through EF Core with provider-neutral formatting.</summary>
internal static class DemoChecksum
{
    public static async Task<IReadOnlyDictionary<string, string>> ComputeAsync(RevBotDb db, CancellationToken ct)
    {
        return new Dictionary<string, string>
        {
            ["users"] = Hash(await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct),
                u => F(u.Id, u.Email, u.Name, u.Role, u.Team, u.ManagerId, u.Region, u.TimeZone)),
            ["accounts"] = Hash(await db.Accounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct),
                a => F(a.Id, a.Name, a.Domain, a.Industry, a.Segment, a.Region, a.Country, a.Employees, a.OwnerId, a.CreatedAt)),
            ["contacts"] = Hash(await db.Contacts.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct),
                c => F(c.Id, c.AccountId, c.FirstName, c.LastName, c.Email, c.Title, c.Phone, c.CreatedAt)),
            ["deals"] = Hash(await db.Deals.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct),
                d => F(d.Id, d.Name, d.AccountId, d.OwnerId, d.Amount, d.Currency, d.Stage, d.Status, d.Type, d.Product, d.Source,
                    d.CreatedAt, d.CloseDate, d.ClosedAt, d.LossReason, d.ForecastCategory, d.Probability, d.NextStep, d.Version)),
            ["deal_stage_history"] = Hash(await db.DealStageHistory.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct),
                h => F(h.Id, h.DealId, h.Stage, h.EnteredAt)),
            ["activities"] = Hash(await db.Activities.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct),
                a => F(a.Id, a.Type, a.OccurredAt, a.DealId, a.AccountId, a.UserId, a.Subject)),
            ["subscriptions"] = Hash(await db.Subscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct),
                s => F(s.Id, s.AccountId, s.Product, s.Mrr, s.StartDate, s.EndDate)),
            ["usage"] = Hash(await db.Usage.AsNoTracking().OrderBy(u => u.AccountId).ThenBy(u => u.Date).ToListAsync(ct),
                u => F(u.AccountId, u.Date, u.ActiveUsers, u.Events)),
            ["tickets"] = Hash(await db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct),
                t => F(t.Id, t.AccountId, t.OpenedAt, t.ClosedAt, t.Priority, t.Satisfaction)),
            ["audit_log"] = Hash(await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct),
                a => F(a.Id, a.At, a.UserId, a.Channel, a.Entity, a.EntityId, a.Action, a.Changes)),
            ["spend"] = Hash(await db.Spend.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct), s => F(s.Id, s.Month, s.Category, s.Amount, s.Channel)),
            ["quotas"] = Hash(await db.Quotas.AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct), q => F(q.Id, q.OwnerId, q.PeriodStart, q.PeriodEnd, q.Amount)),
            ["forecast_snapshots"] = Hash(await db.ForecastSnapshots.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct),
                f => F(f.Id, f.TakenAt, f.PeriodStart, f.PeriodEnd, f.Amount, f.OwnerId)),
        };
    }

    private static string Hash<T>(List<T> rows, Func<T, string> line)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows) hash.AppendData(Encoding.UTF8.GetBytes(line(row) + "\n"));
        return $"{rows.Count}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }

    private static string F(params object?[] values) => string.Join("|", values.Select(v => v switch
    {
        null => "∅",
        decimal d => d.ToString("F2", CultureInfo.InvariantCulture),
        DateTime t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));
}

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>A deal's audit entries with the names of the people who made them (the index on entity, entity_id, at serves both reads).</summary>
public static class DealHistory
{
    /// <summary>The newest <paramref name="limit"/> entries, newest first.</summary>
    public static async Task<List<DealChange>> LatestAsync(RevBotDb db, string dealId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = Entries(db, dealId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit);
        return await WithNamesAsync(db, entries, ct);
    }

    /// <summary>The changes that made versions after <paramref name="version"/>, oldest first.</summary>
    public static async Task<List<DealChange>> SinceAsync(RevBotDb db, string dealId, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = Entries(db, dealId).Where(a => a.Version > version).OrderBy(a => a.At).ThenBy(a => a.Id).Take(20);
        return await WithNamesAsync(db, entries, ct);
    }

    private static IQueryable<AuditEntry> Entries(RevBotDb db, string dealId) =>
        db.AuditLog.AsNoTracking().Where(a => a.Entity == DealAudit.Entity && a.EntityId == dealId);

    private static async Task<List<DealChange>> WithNamesAsync(RevBotDb db, IQueryable<AuditEntry> entries, CancellationToken ct)
    {
        var rows = await entries
            .Select(a => new { a.Id, a.At, a.UserId, UserName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.Name).FirstOrDefault(), a.Channel, a.Action, a.Version, a.Changes })
            .ToListAsync(ct);
        return [.. rows.Select(r => new DealChange(r.Id, r.At, r.UserId, r.UserName, r.Channel, r.Action, r.Version, DealAudit.Read(r.Changes)))];
    }
}

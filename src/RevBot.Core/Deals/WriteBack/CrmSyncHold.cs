using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// What a sync of a CRM keeps of RevBot's own values, so a change on its way to the CRM never flips back:
/// <list type="bullet">
/// <item>a deal with a write still pending (not yet written, refused or given up) keeps RevBot's values of the fields
/// those writes change (and <c>closed_at</c> with the status); the rest of the record syncs as usual. Once the write
/// lands the CRM holds the same values; if it is refused, its undo puts the CRM's values back and tells the person;</item>
/// <item>a deal whose record is older than RevBot's copy (the CRM's last-modified time before the one RevBot holds: the
/// sync read it before a write landed) keeps every written field and that time.</item>
/// </list>
/// Called in the import's transaction, before the rows are imported. On PostgreSQL it first locks the batch's deals
/// (<c>FOR UPDATE</c>, in id order): a write's answer (which records the write, then the deal) and a chat change (the
/// deal, then its write) cannot land between this read and the import's commit, so neither is overwritten by the
/// record read before it. SQLite's import transaction holds the one write lock already.
/// </summary>
public static class CrmSyncHold
{
    /// <param name="incoming">The batch's deals: canonical id → the record's last-modified time in the CRM (null when unknown).</param>
    /// <returns>For each deal to hold: canonical column → RevBot's value, to put in place of the CRM's.</returns>
    public static async Task<Dictionary<string, Dictionary<string, string?>>> KeptAsync(RevBotDb db, IReadOnlyDictionary<string, DateTime?> incoming, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incoming);
        var held = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        if (incoming.Count == 0) return held;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Holding a sync's deals needs the import's transaction.");
        var ids = incoming.Keys.ToArray();
        if (SqlDialect.For(db.Database).IsPostgres)
            await db.Database.SqlQuery<string>($"SELECT id AS \"Value\" FROM deals WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(ct);

        var pending = (await db.CrmWrites.AsNoTracking().Where(w => ids.Contains(w.DealId) && w.DoneAt == null && w.FailedAt == null)
                .Select(w => new { w.DealId, w.Changes }).ToListAsync(ct))
            .GroupBy(w => w.DealId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(w => CrmWriteChanges.Read(w.Changes).Fields.Keys).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var modified = await db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id) && d.SourceModifiedAt != null)
            .Select(d => new { d.Id, d.SourceModifiedAt }).ToListAsync(ct);
        var older = modified.Where(d => incoming[d.Id] is { } at && at < d.SourceModifiedAt).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var holding = pending.Keys.Where(k => pending[k].Count > 0).Union(older).ToList();
        if (holding.Count == 0) return held;

        var deals = await db.Deals.AsNoTracking().Where(d => holding.Contains(d.Id)).ToListAsync(ct);
        foreach (var deal in deals)
        {
            var mine = CrmFields.Of(DealValues.Of(deal));
            IReadOnlySet<string> fields = older.Contains(deal.Id) ? CrmFields.Written.ToHashSet(StringComparer.Ordinal) : pending[deal.Id];
            var cells = fields.Where(mine.ContainsKey).ToDictionary(f => f, f => mine[f], StringComparer.Ordinal);
            // Full precision, unlike the text sent to a CRM: the import then finds these two as they are stored.
            if (fields.Contains("status")) cells[CrmFields.ClosedAt] = Exact(deal.ClosedAt);
            if (older.Contains(deal.Id)) cells["source_modified_at"] = Exact(deal.SourceModifiedAt);
            held[deal.Id] = cells;
        }
        return held;
    }

    private static string? Exact(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A record's last-modified time as a canonical row writes it, or null.</summary>
    public static DateTime? Instant(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

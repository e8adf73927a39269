using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// Deletes the rows a sync's batch lists as archived or deleted in their system, set-based, in the import's
/// transaction. A deal's stage history, activities and pending CRM writes go with it (the foreign keys cascade).
/// </summary>
internal static class SyncDeletions
{
    public static async Task<Dictionary<string, int>> RunAsync(RevBotDb db, CanonicalRows rows, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (file, ids) in rows.Deleted)
        {
            var deleted = 0;
            foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
            {
                var list = chunk.ToList();
                deleted += file switch
                {
                    "deals.csv" => await db.Deals.Where(d => list.Contains(d.Id)).ExecuteDeleteAsync(ct),
                    "contacts.csv" => await db.Contacts.Where(c => list.Contains(c.Id)).ExecuteDeleteAsync(ct),
                    "activities.csv" => await db.Activities.Where(a => list.Contains(a.Id)).ExecuteDeleteAsync(ct),
                    "subscriptions.csv" => await db.Subscriptions.Where(s => list.Contains(s.Id)).ExecuteDeleteAsync(ct),
                    _ => throw new InvalidOperationException($"{file} rows are not deleted by a sync"),
                };
            }
            counts[file] = deleted;
        }
        return counts;
    }
}

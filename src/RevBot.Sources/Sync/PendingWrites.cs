using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Storage;
using RevBot.Data.Csv;

namespace RevBot.Sources.Sync;

/// <summary>
/// A sync batch's deals with a write-back still on its way keep RevBot's values (<see cref="CrmSyncHold"/>): their
/// cells are set in the canonical rows before the import, so the import sees no change there (no new version, no
/// flip-flop) and syncs the rest of the record as usual.
/// </summary>
internal static class PendingWrites
{
    private const string DealsFile = "deals.csv";

    /// <summary>The batch's deals: id → the record's last-modified time in its CRM.</summary>
    public static Dictionary<string, DateTime?> Deals(CanonicalRows rows)
    {
        var deals = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        foreach (var cells in rows.RowsOf(DealsFile))
            if (cells.TryGetValue("deal_id", out var id) && id is { Length: > 0 })
                deals[id] = CrmSyncHold.Instant(cells.GetValueOrDefault("source_modified_at"));
        return deals;
    }

    /// <summary>In the import's transaction: sets the held cells of the batch's deals.</summary>
    public static async Task HoldAsync(RevBotDb db, CanonicalRows rows, Dictionary<string, DateTime?> deals, CancellationToken ct) =>
        rows.SetCells(DealsFile, "deal_id", await CrmSyncHold.KeptAsync(db, deals, ct));
}

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>deal_stage_history.csv: when each deal entered each stage; a row is its own key (deal, stage, time).</summary>
internal static class StageHistoryFile
{
    public static readonly CsvFileSpec Spec = new("deal_stage_history.csv", ["deal_id", "stage", "entered_at"], ["deal_id", "stage", "entered_at"]);

    public static List<ImportRow<DealStageChange>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<DealStageChange>>(sheet.Rows.Count);
        var seen = new Dictionary<(string, string, DateTime), int>();
        foreach (var row in sheet.Rows)
        {
            var dealId = row.Text("deal_id", ctx.MaxLength<DealStageChange>(nameof(DealStageChange.DealId)));
            var stage = row.Text("stage", ctx.MaxLength<DealStageChange>(nameof(DealStageChange.Stage)));
            var enteredAt = row.Timestamp("entered_at");
            ctx.ReferDeal(row, "deal_id", dealId);
            if (dealId is null || stage is null || enteredAt is not { } at) continue;
            if (!ctx.FirstTime(seen, (dealId, stage, at), row, "entered_at", $"stage change ({dealId}, {stage}, {CsvText.Timestamp(at)})")) continue;
            rows.Add(new ImportRow<DealStageChange>(row.Line, new DealStageChange { DealId = dealId, Stage = stage, EnteredAt = at }, null));
        }
        return rows;
    }

    /// <summary>Inserts the stage changes not stored yet; there is nothing to update in a row that is all key.</summary>
    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<DealStageChange>> rows)
    {
        var dealIds = rows.Select(r => r.Entity.DealId).Distinct(StringComparer.Ordinal).ToList();
        var stored = await Chunked.QueryAsync(dealIds, chunk => writer.Db.DealStageHistory.Where(h => EF.Parameter(chunk).Contains(h.DealId)), writer.Token);
        SetExits(rows, stored);
        return await writer.UpsertAsync(Spec.Name, rows, Key, TableWriter.ByKey(stored, Key));
    }

    /// <summary>
    /// Each imported change's exit as the database's trigger will compute it (the deal's next strictly later entry,
    /// stored or imported), so a bulk insert leaves the trigger nothing to rewrite; the trigger still corrects any
    /// stored row a new entry lands before.
    /// </summary>
    private static void SetExits(List<ImportRow<DealStageChange>> rows, List<DealStageChange> stored)
    {
        var entries = stored.Select(h => (h.DealId, h.EnteredAt)).Concat(rows.Select(r => (r.Entity.DealId, r.Entity.EnteredAt)))
            .GroupBy(e => e.DealId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.EnteredAt).Distinct().Order().ToArray(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var times = entries[row.Entity.DealId];
            var at = Array.BinarySearch(times, row.Entity.EnteredAt);
            row.Entity.LeftAt = at + 1 < times.Length ? times[at + 1] : null;
        }
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var history = await db.DealStageHistory.AsNoTracking().ToListAsync(ct);
        foreach (var h in history.OrderBy(h => h.DealId, StringComparer.Ordinal).ThenBy(h => h.EnteredAt).ThenBy(h => h.Stage, StringComparer.Ordinal))
            output.Row(h.DealId, h.Stage, CsvText.Timestamp(h.EnteredAt));
        return history.Count;
    }

    private static (string, string, DateTime) Key(DealStageChange h) => (h.DealId, h.Stage, h.EnteredAt);
}

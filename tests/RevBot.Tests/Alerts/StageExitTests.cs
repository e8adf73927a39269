using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Alerts;

/// <summary>
/// deal_stage_history.left_at is kept by the database: whoever inserts, deletes or moves a row, every row of that deal
/// ends up carrying its next strictly later entry (null for the latest). The stage norms read it.
/// </summary>
public sealed class StageExitTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Inserts_deletes_and_moves_keep_every_row_s_exit(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Deals.AddRange(new Deal { Id = "d1", Stage = "Proposal" }, new Deal { Id = "d2", Stage = "Qualify" });
            await db.SaveChangesAsync(Ct);
            // In order, then one entry that lands between two others, then another deal's rows (untouched by d1's).
            db.DealStageHistory.AddRange(Entry("d1", "Qualify", 0), Entry("d1", "Proposal", 20), Entry("d2", "Qualify", 3));
            await db.SaveChangesAsync(Ct);
            db.DealStageHistory.Add(Entry("d1", "Discovery", 5));
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(
            [("d1", "Qualify", Day(5)), ("d1", "Discovery", Day(20)), ("d1", "Proposal", null), ("d2", "Qualify", null)],
            await ExitsAsync(database));

        await using (var db = database.NewContext())
        {
            await db.DealStageHistory.Where(h => h.DealId == "d1" && h.Stage == "Discovery").ExecuteDeleteAsync(Ct);
        }
        Assert.Equal([("d1", "Qualify", Day(20)), ("d1", "Proposal", null), ("d2", "Qualify", null)], await ExitsAsync(database));

        await using (var db = database.NewContext())
        {
            // Proposal moves to d2, after d2's Qualify: d1's Qualify is now the latest of d1, d2's Qualify has an exit.
            await db.DealStageHistory.Where(h => h.DealId == "d1" && h.Stage == "Proposal")
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.DealId, "d2"), Ct);
        }
        Assert.Equal([("d1", "Qualify", null), ("d2", "Qualify", Day(20)), ("d2", "Proposal", null)], await ExitsAsync(database));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Entries_at_the_same_instant_both_leave_at_the_next_later_one(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Deals.Add(new Deal { Id = "d1", Stage = "Proposal" });
            db.DealStageHistory.AddRange(Entry("d1", "Qualify", 0), Entry("d1", "Discovery", 0), Entry("d1", "Proposal", 7));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal([("d1", "Discovery", Day(7)), ("d1", "Qualify", Day(7)), ("d1", "Proposal", null)], await ExitsAsync(database));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_bulk_import_writes_each_exit_and_the_database_fixes_stored_rows_a_new_entry_lands_before(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        // The first import brings two deals whose rows the importer inserts in bulk with their exits already set;
        // the second lands one entry between d1's stored ones and one after d2's, which only the trigger can fix.
        await ImportAsync(database, [("d1", "Qualify", 0), ("d1", "Proposal", 20), ("d2", "Qualify", 3), ("d2", "Discovery", 3)]);
        Assert.Equal(
            [("d1", "Qualify", Day(20)), ("d1", "Proposal", null), ("d2", "Discovery", null), ("d2", "Qualify", null)],
            await ExitsAsync(database));

        await ImportAsync(database, [("d1", "Discovery", 5), ("d2", "Proposal", 9)]);
        Assert.Equal(
            [("d1", "Qualify", Day(5)), ("d1", "Discovery", Day(20)), ("d1", "Proposal", null), ("d2", "Discovery", Day(9)), ("d2", "Qualify", Day(9)), ("d2", "Proposal", null)],
            await ExitsAsync(database));
    }

    private static async Task ImportAsync(TestDatabase database, (string Deal, string Stage, int Day)[] entries)
    {
        var rows = new CanonicalRows("test");
        foreach (var deal in entries.Select(e => e.Deal).Distinct())
            rows.Add("deals.csv", deal, new Dictionary<string, string?> { ["deal_id"] = deal, ["amount"] = "100", ["stage"] = "Qualify", ["status"] = "open" });
        foreach (var (deal, stage, day) in entries)
            rows.Add("deal_stage_history.csv", deal, new Dictionary<string, string?> { ["deal_id"] = deal, ["stage"] = stage, ["entered_at"] = CsvText.Timestamp(Day(day)) });
        await using RevBotDb db = database.NewContext();
        var result = await CsvImporter.ImportAsync(db, CsvSource.Rows(rows), new CsvImportOptions(), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private static DealStageChange Entry(string deal, string stage, int day) => new() { DealId = deal, Stage = stage, EnteredAt = Day(day) };

    private static DateTime Day(int day) => T0.AddDays(day);

    private static async Task<List<(string, string, DateTime?)>> ExitsAsync(TestDatabase database)
    {
        await using RevBotDb db = database.NewContext();
        var rows = await db.DealStageHistory.AsNoTracking()
            .OrderBy(h => h.DealId).ThenBy(h => h.EnteredAt).ThenBy(h => h.Stage).ToListAsync(Ct);
        return rows.Select(h => (h.DealId, h.Stage, h.LeftAt)).ToList();
    }
}

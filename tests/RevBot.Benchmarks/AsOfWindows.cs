using RevBot.Core.Company;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// The question benchmarks ask as of a past day (the demo's), but a host registers the cohort windows open on its own
/// today (<see cref="Rollups.OpenWindows"/>: this month, quarter and year so far, the twelve months to today) and drops
/// the past days'. Registering the as-of day's open windows gives the database the windows a host running on that day
/// would have had, so "NRR this quarter" reads the rollup as it does in production instead of every subscription. A
/// write to the benchmark database: the windows are filled in once (a few seconds at scale 100), then kept.
/// </summary>
internal static class AsOfWindows
{
    public static async Task RegisterAsync(DbTarget target, DateOnly asOf)
    {
        await using var db = RevBotDbFactory.Create(target);
        var added = await Rollups.KeepCohortWindowsAsync(db, Rollups.OpenWindows(new CompanyOptions().FiscalYearStartMonth, asOf));
        if (added > 0) Console.Error.WriteLine($"registered {added} cohort windows open on {asOf:yyyy-MM-dd}, as a host on that day would have");
    }
}

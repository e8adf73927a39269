using Humanizer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RevBot.Core.Company;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>
/// PostgreSQL's rollups (docs/metrics.md): the closed-deal rollup counts days in the time zones registered with it,
/// and the cohort rollup keeps the windows registered with it. The metric engine reads them only for the company's
/// zone and for registered windows, so the host registers both at start. Registering fills in what is new, once
/// (seconds to minutes on a million rows, writers waiting) as a maintenance statement (<see cref="MaintenanceStatements"/>:
/// untimed, and named on the log while it runs); what is already kept costs one read.
/// </summary>
public static class Rollups
{
    /// <summary>How far back and ahead of today whole months, quarters and years get a cohort window.</summary>
    public const int CohortYearsBack = 3;

    /// <summary>The company's zone and the cohort windows around <paramref name="today"/>; nothing on SQLite (no rollups).</summary>
    /// <returns>What was new: whether the zone was, and how many windows.</returns>
    public static Task<(bool Zone, int Windows)> KeepAsync(RevBotDb db, CompanyOptions company, DateOnly today, CancellationToken ct = default) =>
        KeepAsync(db, company, today, NullLogger.Instance, ct);

    /// <inheritdoc cref="KeepAsync(RevBotDb, CompanyOptions, DateOnly, CancellationToken)"/>
    /// <param name="log">Where a fill that has work to do says so while it runs.</param>
    public static async Task<(bool Zone, int Windows)> KeepAsync(RevBotDb db, CompanyOptions company, DateOnly today, ILogger log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        var zone = await KeepZoneAsync(db, company.TimeZone, log, ct);
        var windows = await KeepCohortWindowsAsync(db, CohortWindows(company.FiscalYearStartMonth, today), log, ct);
        await DropPastOpenWindowsAsync(db, company.FiscalYearStartMonth, today, ct);
        return (zone, windows);
    }

    /// <summary>
    /// Drops the windows that were open on one of the last <see cref="OpenWindowsKeptDays"/> days before
    /// <paramref name="today"/> (<see cref="OpenWindows"/>) and that today's questions do not read: every registered
    /// window costs each subscription write a little. A question asked as of such a day reads the subscriptions
    /// instead (the same answer, slower).
    /// </summary>
    /// <returns>How many were dropped (0 on SQLite).</returns>
    public static async Task<int> DropPastOpenWindowsAsync(RevBotDb db, int fiscalYearStartMonth, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql()) return 0;
        var wanted = CohortWindows(fiscalYearStartMonth, today).ToHashSet();
        var past = Enumerable.Range(1, OpenWindowsKeptDays).SelectMany(n => OpenWindows(fiscalYearStartMonth, today.AddDays(-n))).Where(w => !wanted.Contains(w)).ToHashSet();
        var registered = await db.Database.SqlQuery<PastWindow>($"SELECT d0 AS \"D0\", d1 AS \"D1\" FROM cohort_windows WHERE d1 < {today}").ToListAsync(ct);
        var drop = registered.Where(w => past.Contains((w.D0, w.D1))).ToList();
        if (drop.Count == 0) return 0;
        var d0 = drop.Select(w => w.D0).ToArray();
        var d1 = drop.Select(w => w.D1).ToArray();
        return await db.Database.ExecuteSqlAsync($"DELETE FROM cohort_windows c USING unnest({d0}, {d1}) AS w(d0, d1) WHERE c.d0 = w.d0 AND c.d1 = w.d1", ct);
    }

    /// <summary>How far back <see cref="DropPastOpenWindowsAsync"/> looks for days whose open windows are still registered.</summary>
    public const int OpenWindowsKeptDays = 400;

    private sealed record PastWindow(DateOnly D0, DateOnly D1);

    /// <returns>True when the zone was new and has just been filled in; false when it was kept already, or on SQLite.</returns>
    public static Task<bool> KeepZoneAsync(RevBotDb db, string timeZone, CancellationToken ct = default) => KeepZoneAsync(db, timeZone, NullLogger.Instance, ct);

    /// <inheritdoc cref="KeepZoneAsync(RevBotDb, string, CancellationToken)"/>
    public static async Task<bool> KeepZoneAsync(RevBotDb db, string timeZone, ILogger log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        if (!db.Database.IsNpgsql()) return false;
        var kept = await db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM closed_deal_day_zones WHERE time_zone = {timeZone}) AS \"Value\"").ToListAsync(ct);
        if (kept[0]) return false;
        var added = await MaintenanceStatements.RunAsync(db, $"Filling in the closed-deal rollup for the time zone {timeZone}", log,
            c => db.Database.SqlQuery<bool>($"SELECT closed_deal_days_add_zone({timeZone}) AS \"Value\"").ToListAsync(c), ct);
        return added[0];
    }

    /// <returns>How many of the windows were new and have just been filled in (0 on SQLite).</returns>
    public static Task<int> KeepCohortWindowsAsync(RevBotDb db, IEnumerable<(DateOnly D0, DateOnly D1)> windows, CancellationToken ct = default) =>
        KeepCohortWindowsAsync(db, windows, NullLogger.Instance, ct);

    /// <inheritdoc cref="KeepCohortWindowsAsync(RevBotDb, IEnumerable{ValueTuple{DateOnly, DateOnly}}, CancellationToken)"/>
    public static async Task<int> KeepCohortWindowsAsync(RevBotDb db, IEnumerable<(DateOnly D0, DateOnly D1)> windows, ILogger log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(windows);
        if (!db.Database.IsNpgsql()) return 0;
        var list = windows.Distinct().ToList();
        var d0 = list.Select(w => w.D0).ToArray();
        var d1 = list.Select(w => w.D1).ToArray();
        var missing = await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM unnest({d0}, {d1}) AS w(d0, d1) WHERE NOT EXISTS (SELECT 1 FROM cohort_windows c WHERE c.d0 = w.d0 AND c.d1 = w.d1)")
            .ToListAsync(ct);
        if (missing[0] == 0) return 0;
        var added = await MaintenanceStatements.RunAsync(db, $"Filling in {"new cohort window".ToQuantity(missing[0])} of the subscription rollups", log,
            c => db.Database.SqlQuery<int>($"SELECT cohort_windows_add({d0}, {d1}) AS \"Value\"").ToListAsync(c), ct);
        return added[0];
    }

    /// <summary>
    /// The cohort windows of every whole month, fiscal quarter and fiscal year, starting from <see cref="CohortYearsBack"/>
    /// years before <paramref name="today"/>'s month to a year after it: (the day before the period, its last day). And
    /// the windows still open today (<see cref="OpenWindows"/>). Not every twelve months from each month's start (LTV's
    /// comparison at a month end): each registered window costs every subscription write, and those 49 more made a
    /// Stripe sync's import three times slower (docs/benchmarks.md); such a question reads the subscriptions.
    /// </summary>
    public static IEnumerable<(DateOnly D0, DateOnly D1)> CohortWindows(int fiscalYearStartMonth, DateOnly today)
    {
        var first = new DateOnly(today.Year - CohortYearsBack, today.Month, 1);
        var last = new DateOnly(today.Year + 1, today.Month, 1);
        for (var start = first; start <= last; start = start.AddMonths(1))
        {
            var before = start.AddDays(-1);
            yield return (before, start.AddMonths(1).AddDays(-1));
            var monthsIntoYear = (start.Month - fiscalYearStartMonth + 12) % 12;
            if (monthsIntoYear % 3 == 0) yield return (before, start.AddMonths(3).AddDays(-1));
            if (monthsIntoYear == 0) yield return (before, start.AddMonths(12).AddDays(-1));
        }
        foreach (var window in OpenWindows(fiscalYearStartMonth, today)) yield return window;
    }

    /// <summary>
    /// The windows a question asked today reads before its period is over: this month, fiscal quarter and fiscal year
    /// so far (NRR this quarter compares the day before it with today) and the same point of the one before (the
    /// like-for-like comparison, <see cref="RevBot.Core.Periods.PeriodMath.LikeForLike"/>), and the twelve months to
    /// today (LTV), and the twelve months to the quarter's like-for-like day (LTV's comparison: its default period is
    /// this quarter). They change every day, so the host registers each new day's
    /// (<see cref="KeepAsync(RevBotDb, CompanyOptions, DateOnly, ILogger, CancellationToken)"/>) and drops the past days'.
    /// </summary>
    public static IEnumerable<(DateOnly D0, DateOnly D1)> OpenWindows(int fiscalYearStartMonth, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var monthsIntoYear = (today.Month - fiscalYearStartMonth + 12) % 12;
        foreach (var (start, months) in new[] { (month, 1), (month.AddMonths(-(monthsIntoYear % 3)), 3), (month.AddMonths(-monthsIntoYear), 12) })
        {
            yield return (start.AddDays(-1), today);
            // As many days into the period before, unless that is all of it (a whole period's window is kept anyway).
            var before = start.AddMonths(-months);
            var sameDay = before.AddDays(today.DayNumber - start.DayNumber);
            if (sameDay < start.AddDays(-1)) yield return (before.AddDays(-1), sameDay);
            // Only the quarter's: the month's and year's would cost every subscription write for questions rarely asked.
            var compared = sameDay < start.AddDays(-1) ? sameDay : start.AddDays(-1);
            if (months == 3) yield return (compared.AddMonths(-12), compared);
        }
        yield return (today.AddMonths(-12), today);
    }
}

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
        return (zone, windows);
    }

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
    /// The cohort windows of every whole month, fiscal quarter and fiscal year starting from <see cref="CohortYearsBack"/>
    /// years before <paramref name="today"/>'s month to a year after it: (the day before the period, its last day).
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
    }
}

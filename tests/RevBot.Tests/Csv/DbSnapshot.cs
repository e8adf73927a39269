using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

/// <summary>
/// Every revenue table as sorted lines of "column=value", over every mapped column: generated ids are left out and
/// user ids are replaced by emails (they differ between databases), money is shown in cents. Two databases holding
/// the same data give equal snapshots.
/// </summary>
internal static class DbSnapshot
{
    public static async Task<Dictionary<string, List<string>>> TakeAsync(TestDatabase test)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = test.NewContext();
        var emails = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return new Dictionary<string, List<string>>
        {
            ["users"] = Lines(db, await db.Users.AsNoTracking().ToListAsync(ct), emails),
            ["accounts"] = Lines(db, await db.Accounts.AsNoTracking().ToListAsync(ct), emails),
            ["contacts"] = Lines(db, await db.Contacts.AsNoTracking().ToListAsync(ct), emails),
            ["deals"] = Lines(db, await db.Deals.AsNoTracking().ToListAsync(ct), emails),
            ["deal_stage_history"] = Lines(db, await db.DealStageHistory.AsNoTracking().ToListAsync(ct), emails),
            ["activities"] = Lines(db, await db.Activities.AsNoTracking().ToListAsync(ct), emails),
            ["subscriptions"] = Lines(db, await db.Subscriptions.AsNoTracking().ToListAsync(ct), emails),
            ["usage"] = Lines(db, await db.Usage.AsNoTracking().ToListAsync(ct), emails),
            ["tickets"] = Lines(db, await db.Tickets.AsNoTracking().ToListAsync(ct), emails),
            ["spend"] = Lines(db, await db.Spend.AsNoTracking().ToListAsync(ct), emails),
            ["quotas"] = Lines(db, await db.Quotas.AsNoTracking().ToListAsync(ct), emails),
            ["forecast_snapshots"] = Lines(db, await db.ForecastSnapshots.AsNoTracking().ToListAsync(ct), emails),
            ["audit_log"] = [.. (await db.AuditLog.AsNoTracking().ToListAsync(ct)).Select(a => $"{a.Channel}|{a.Entity}|{a.Changes}")],
        };
    }

    /// <summary>Row counts per table (audit_log included).</summary>
    public static async Task<Dictionary<string, int>> CountsAsync(TestDatabase test) =>
        (await TakeAsync(test)).ToDictionary(t => t.Key, t => t.Value.Count);

    private static List<string> Lines<T>(RevBotDb db, List<T> rows, Dictionary<int, string> emails) where T : class
    {
        var columns = db.Model.FindEntityType(typeof(T))!.GetProperties()
            // Shadow properties (PostgreSQL's name_fold) are derived from columns compared already.
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never) && !p.IsShadowProperty()).ToList();
        return [.. rows.Select(r => string.Join("|", columns.Select(p => $"{p.Name}={Text(p, p.GetGetter().GetClrValue(r), emails)}")))
            .Order(StringComparer.Ordinal)];
    }

    private static string Text(IProperty property, object? value, Dictionary<int, string> emails) => value switch
    {
        null => "null",
        int id when property.GetContainingForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(User)) => emails[id],
        decimal money => Math.Round(money, 2).ToString("F2", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

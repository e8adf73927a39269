using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// The accounts ready to expand as the last delivering scan stored them: its live expansion alerts (one row per account
/// and reason, score and reasons refreshed by every scan that still sees them), read back as findings in the scan's
/// order (highest score first), the reasons written in the reader's language from their stored words. Reading them is
/// a few thousand index rows at scale 100, instead of scoring every customer again (docs/alerts.md).
/// </summary>
internal static class StoredExpansion
{
    /// <summary>When the last delivering scan finished and what it stored; null when none has run.</summary>
    public static async Task<(DateTime ScannedAt, List<AlertFinding> Findings)?> ReadAsync(RevBotDb db, string language, CancellationToken ct)
    {
        var scannedAt = await db.AlertScanRuns.AsNoTracking().MaxAsync(r => (DateTime?)r.FinishedAt, ct);
        if (scannedAt is null) return null;
        var kind = EnumText.Format(AlertKind.Expansion);
        var rows = await db.Alerts.AsNoTracking()
            .Where(a => a.Kind == kind && a.State != AlertState.Resolved)
            .Select(a => new { a.SubjectId, a.SubjectName, a.ReasonCode, a.Score, a.Reason, a.ReasonData, a.Recipients })
            .ToListAsync(ct);
        var findings = rows.GroupBy(a => a.SubjectId, StringComparer.Ordinal)
            .Select(g => new AlertFinding(AlertKind.Expansion, g.Key, g.First().SubjectName, g.Max(a => a.Score),
                [.. g.OrderBy(a => Order(a.ReasonCode)).Select(a => Reason(a.ReasonCode, a.Reason, a.ReasonData, language))],
                [.. g.First().Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries)]))
            .OrderByDescending(f => f.Score).ThenBy(f => f.SubjectId, StringComparer.Ordinal)
            .ToList();
        return (scannedAt.Value, findings);
    }

    private static AlertReason Reason(string code, string text, string? data, string language)
    {
        var words = AlertWords.Read(data, text);
        return new AlertReason(code, words.Render(language)) { Words = words };
    }

    /// <summary>The scan's order of reasons (<see cref="ExpansionReasons"/>).</summary>
    private static int Order(string code) => code switch
    {
        ExpansionReasons.UsageGrowth => 0,
        ExpansionReasons.SeatsOver => 1,
        ExpansionReasons.Healthy => 2,
        _ => 3,
    };
}

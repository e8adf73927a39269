using System.Globalization;

namespace RevBot.Core.Digests.Timing;

/// <summary>
/// Decides which slot of a schedule is due now. Only the latest slot that has come (after the last one claimed) can
/// be posted, and only while it is less than <see cref="MaxLateness"/> late: after downtime a missed Monday digest is
/// posted once when the host comes back that morning, but not on Tuesday. Older missed slots are skipped (a later
/// digest supersedes them), each with a reason for the log. Claiming the slot (so two hosts never both post it) is
/// the caller's, in the database.
/// </summary>
public sealed class DigestSlotPlanner(TimeProvider time)
{
    public static readonly TimeSpan MaxLateness = TimeSpan.FromHours(12);

    /// <param name="cron">The schedule.</param>
    /// <param name="zone">The channel's time zone.</param>
    /// <param name="lastClaimedUtc">The last slot claimed (posted or skipped), or the moment the subscription was created.</param>
    public DigestSlotPlan Plan(string cron, TimeZoneInfo zone, DateTimeOffset lastClaimedUtc, TimeSpan? maxLateness = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var now = time.GetUtcNow();
        var limit = maxLateness ?? MaxLateness;
        var due = DigestCron.Between(cron, zone, lastClaimedUtc, now).ToList();
        var skipped = due.Take(Math.Max(0, due.Count - 1))
            .Select(s => new DigestSkippedSlot(s, $"missed slot {Describe(s, zone)}: a later slot ({Describe(due[^1], zone)}) replaces it"))
            .ToList();
        DateTimeOffset? post = null;
        if (due.Count > 0)
        {
            var latest = due[^1];
            var late = now - latest;
            if (late < limit) post = latest;
            else skipped.Add(new DigestSkippedSlot(latest, $"missed slot {Describe(latest, zone)}: {Duration(late)} late, more than the {Duration(limit)} a digest may be"));
        }
        return new DigestSlotPlan(post, skipped, DigestCron.Next(cron, zone, now));
    }

    private static string Describe(DateTimeOffset slot, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(slot, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? $"{(int)span.TotalHours} h{(span.Minutes > 0 ? $" {span.Minutes} min" : "")}"
            : $"{Math.Max(0, (int)span.TotalMinutes)} min";
}

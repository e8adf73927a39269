using System.Diagnostics.Metrics;
using RevBot.Core.Domain;

namespace RevBot.Core.Telemetry;

/// <summary>
/// RevBot's own counters, on the "RevBot" meter (exported over OTLP when configured; see docs/deploy.md). Static like
/// the meter itself: counting costs nothing when no listener is attached.
/// </summary>
public static class RevBotMetrics
{
    public const string MeterName = "RevBot";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Questions = Meter.CreateCounter<long>("revbot.questions", "{question}", "Questions answered, by whether they were understood.");
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("revbot.outbox.delivered", "{message}", "Outbox messages delivered, by kind (alert, digest, handoff…) and platform.");
    private static readonly Counter<long> ChatApiErrors = Meter.CreateCounter<long>("revbot.chat_api.errors", "{error}", "Slack and Teams API calls that failed, by platform and kind (rate_limited or error).");

    private static readonly Counter<long> SyncRuns = Meter.CreateCounter<long>("revbot.sync.runs", "{run}", "Syncs with a system of record (dry runs not counted), by system and outcome (succeeded or failed).");
    private static readonly Counter<long> SyncRead = Meter.CreateCounter<long>("revbot.sync.read", "{record}", "Records read from a system of record, by system.");
    private static readonly Counter<long> SyncWritten = Meter.CreateCounter<long>("revbot.sync.written", "{row}", "Rows a sync inserted or updated, by system.");
    private static readonly Counter<long> SyncDeleted = Meter.CreateCounter<long>("revbot.sync.deleted", "{row}", "Rows a sync deleted because the system deleted or archived the record, by system.");
    private static readonly Counter<long> SyncSkipped = Meter.CreateCounter<long>("revbot.sync.skipped", "{record}", "Records a sync left out (refused or excluded), by system.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> SyncAges = new(StringComparer.Ordinal);

    private static readonly ObservableGauge<long> SyncAge = Meter.CreateObservableGauge("revbot.sync.age",
        () => SyncAges.Select(a => new Measurement<long>(a.Value, new KeyValuePair<string, object?>("system", a.Key))), "s",
        "Seconds since the last successful sync of each enabled system (since its first run while none has succeeded).");

    private static long _pending;
    private static long _due;
    private static long _oldestDueSeconds;

    private static readonly ObservableGauge<long> Pending = Meter.CreateObservableGauge("revbot.outbox.pending", () => Interlocked.Read(ref _pending), "{message}", "Outbox messages not yet sent (waiting, retrying or being sent).");
    private static readonly ObservableGauge<long> Due = Meter.CreateObservableGauge("revbot.outbox.due", () => Interlocked.Read(ref _due), "{message}", "Outbox messages whose time to send has come.");
    private static readonly ObservableGauge<long> OldestDue = Meter.CreateObservableGauge("revbot.outbox.oldest_due_age", () => Interlocked.Read(ref _oldestDueSeconds), "s", "How long the oldest due outbox message has waited.");

    /// <summary>The latest outbox sample (taken by the host every so often), reported by the outbox gauges.</summary>
    public static void OutboxObserved(int pending, int due, TimeSpan oldestDueAge)
    {
        Interlocked.Exchange(ref _pending, pending);
        Interlocked.Exchange(ref _due, due);
        Interlocked.Exchange(ref _oldestDueSeconds, (long)oldestDueAge.TotalSeconds);
    }

    /// <summary>The latest sync sample: each enabled system's age in seconds (absent: it never ran).</summary>
    public static void SyncAgesObserved(IEnumerable<(string System, TimeSpan? Age)> ages)
    {
        foreach (var (system, age) in ages)
        {
            if (age is { } a) SyncAges[system] = (long)a.TotalSeconds;
            else SyncAges.TryRemove(system, out _);
        }
    }

    /// <summary>A finished sync (not a dry run) of <paramref name="system"/> ("hubspot"): its outcome and counts.</summary>
    public static void SyncFinished(string system, bool succeeded, int read, int written, int deleted, int skipped)
    {
        var tag = new KeyValuePair<string, object?>("system", system);
        SyncRuns.Add(1, tag, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
        SyncRead.Add(read, tag);
        SyncWritten.Add(written, tag);
        SyncDeleted.Add(deleted, tag);
        SyncSkipped.Add(skipped, tag);
    }

    public static void QuestionAnswered(bool understood) => Questions.Add(1, new KeyValuePair<string, object?>("understood", understood));

    /// <summary>An alert sent, a digest posted, a hand-off delivered: <paramref name="kind"/> is the outbox kind's first word.</summary>
    public static void MessageDelivered(string kind, ChatPlatform platform) =>
        Delivered.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("platform", EnumText.Format(platform)));

    public static void ChatApiError(ChatPlatform platform, bool rateLimited) =>
        ChatApiErrors.Add(1, new KeyValuePair<string, object?>("platform", EnumText.Format(platform)), new KeyValuePair<string, object?>("kind", rateLimited ? "rate_limited" : "error"));
}

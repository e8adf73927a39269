using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Sources.Sync;

namespace RevBot.Host.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: the database answers, its schema is current, and the outbox
/// is moving (its oldest due message has waited less than <c>Outbox:MaxReadyAge</c>), and each enabled system of
/// record's last successful sync is younger than its <c>Sources:&lt;System&gt;:MaxSyncAge</c> (<see cref="SyncHealth"/>).
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthReport("ok", null, null)));
        app.MapGet("/readyz", Ready);
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Ready(
        RevBotDb db, OutboxMonitor outbox, IOptions<OutboxOptions> options, IOptions<SyncOptions> sources, TimeProvider time, CancellationToken ct)
    {
        var status = await DatabaseMigrator.CheckAsync(db, ct);
        if (!status.Ready) return TypedResults.Json(new HealthReport("not ready", status.Detail, null), statusCode: StatusCodes.Status503ServiceUnavailable);
        var depth = await outbox.GetDepthAsync(ct);
        var stuck = depth.OldestDueAge > options.Value.MaxReadyAge;
        var ages = await SyncHealth.ReadAsync(db, sources.Value, time.GetUtcNow().UtcDateTime, ct);
        var ready = !stuck && !ages.Any(a => a.Stale);
        var report = new HealthReport(ready ? "ready" : "not ready", status.Detail,
            new OutboxReport(depth.Pending, depth.Due, (int)depth.OldestDueAge.TotalSeconds, stuck))
        {
            Sources = ages.Count == 0 ? null : [.. ages.Select(SourceReport.Of)],
        };
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record HealthReport(string Status, string? Database, OutboxReport? Outbox)
    {
        /// <summary>Each enabled system of record; absent when none is enabled.</summary>
        public IReadOnlyList<SourceReport>? Sources { get; init; }
    }

    internal sealed record OutboxReport(int Pending, int Due, int OldestDueSeconds, bool Stuck);

    /// <summary>A system's freshness: <see cref="AgeSeconds"/> is null before its first run.</summary>
    internal sealed record SourceReport(string System, DateTime? LastSuccessAt, int? AgeSeconds, int MaxAgeSeconds, bool Stale)
    {
        public static SourceReport Of(SyncAge a) =>
            new(Core.Domain.EnumText.Format(a.System), a.LastSuccessAt, a.Age is { } age ? (int)age.TotalSeconds : null, (int)a.MaxAge.TotalSeconds, a.Stale);
    }
}

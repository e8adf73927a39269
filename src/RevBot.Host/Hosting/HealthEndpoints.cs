using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive. <c>/readyz</c>: the database answers, its schema is current, and the outbox
/// is moving (its oldest due message has waited less than <c>Outbox:MaxReadyAge</c>).
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
        RevBotDb db, OutboxMonitor outbox, IOptions<OutboxOptions> options, CancellationToken ct)
    {
        var status = await DatabaseMigrator.CheckAsync(db, ct);
        if (!status.Ready) return TypedResults.Json(new HealthReport("not ready", status.Detail, null), statusCode: StatusCodes.Status503ServiceUnavailable);
        var depth = await outbox.GetDepthAsync(ct);
        var stuck = depth.OldestDueAge > options.Value.MaxReadyAge;
        var report = new HealthReport(stuck ? "not ready" : "ready", status.Detail,
            new OutboxReport(depth.Pending, depth.Due, (int)depth.OldestDueAge.TotalSeconds, stuck));
        return stuck ? TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(report);
    }

    internal sealed record HealthReport(string Status, string? Database, OutboxReport? Outbox);

    internal sealed record OutboxReport(int Pending, int Due, int OldestDueSeconds, bool Stuck);
}

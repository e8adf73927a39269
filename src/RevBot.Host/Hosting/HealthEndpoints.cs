using Microsoft.AspNetCore.Http.HttpResults;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Host.Hosting;

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: the database answers and its schema is current.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthReport("ok", null)));
        app.MapGet("/readyz", Ready);
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Ready(RevBotDb db, CancellationToken ct)
    {
        var status = await DatabaseMigrator.CheckAsync(db, ct);
        var report = new HealthReport(status.Ready ? "ready" : "not ready", status.Detail);
        return status.Ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record HealthReport(string Status, string? Database);
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Input;
using RevBot.Core.Storage;

namespace RevBot.Host.Api;

/// <summary>
/// <c>GET /api/deals/{id}</c> (with its version as ETag), <c>PATCH /api/deals/{id}</c> (If-Match: the version; the
/// same validation, permissions and audit as a change from chat, attributed to <c>Api:UserEmail</c>) and
/// <c>GET /api/deals/{id}/history</c>, behind the API key. Bad input is a 4xx that changes nothing.
/// </summary>
internal static class DealEndpoints
{
    public const int MaxHistory = 500;

    public static IEndpointRouteBuilder MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.Key)) return app;
        var deals = app.MapGroup("/api/deals").AddEndpointFilter<ApiKeyFilter>();
        deals.MapGet("/{id}", Get);
        deals.MapPatch("/{id}", Patch);
        deals.MapGet("/{id}/history", History);
        return app;
    }

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> Get(string id, RevBotDb db, HttpResponse response, CancellationToken ct)
    {
        if (BadId(id) is { } bad) return bad;
        if (await DealView.LoadAsync(db, id, ct) is not { } deal) return NotFound(id);
        response.Headers.ETag = deal.ETag;
        return TypedResults.Ok(deal);
    }

    private static async Task<Results<Ok<DealView>, ProblemHttpResult, JsonHttpResult<DealApiErrors>, JsonHttpResult<DealApiConflict>, JsonHttpResult<DealApiHeld>>> Patch(
        string id, HttpRequest request, RevBotDb db, DealCommandService commands, IOptions<ApiOptions> api, CancellationToken ct)
    {
        if (BadId(id) is { } bad) return bad;
        // The body first: one too large (counted as read) is a 413 whatever else is wrong with the request.
        var (body, problem) = await ApiJsonBody.ReadAsync(request, "an object of the fields to change, e.g. {\"amount\": 12500}", ct);
        if (problem is not null) return problem;
        var version = await db.Deals.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct);
        if (version is null) return NotFound(id);
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
            return Problem(StatusCodes.Status428PreconditionRequired, $"Send If-Match with the version you are changing (GET returns it as version and ETag; now \"{version}\").");
        if (!TryVersion(ifMatch, out var expected))
            return Problem(StatusCodes.Status400BadRequest, "If-Match must be the deal's version, e.g. \"7\".");
        if (body.ValueKind != JsonValueKind.Object)
            return Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object of the fields to change, e.g. {\"amount\": 12500}.");
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = DealPatchReader.Read(body, errors);
        if (errors.Count > 0) return Errors(errors);

        var email = api.Value.UserEmail ?? "";
        var userId = await db.Users.Where(u => u.Email == email).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is null) return Problem(StatusCodes.Status403Forbidden, $"Api:UserEmail '{email}' is not a RevBot user, so changes can't be attributed to anyone.");
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > DealCommandService.MaxKeyLength) return Problem(StatusCodes.Status400BadRequest, $"Idempotency-Key is longer than {DealCommandService.MaxKeyLength} characters.");
        if (InputText.Problem(key) is { } badKey) return Problem(StatusCodes.Status400BadRequest, $"Idempotency-Key {badKey}.");

        var result = await commands.ExecuteAsync(new DealCommand
        {
            Kind = DealCommandKind.Update,
            DealId = id,
            ExpectedVersion = expected,
            // Without a key from the client every request is its own change; with one, a retry applies once.
            IdempotencyKey = key.Length > 0 ? $"api:{userId}:{key}" : $"api:{Guid.NewGuid():N}",
            UserId = userId,
            Channel = ChangeChannel.Api,
            Changes = changes,
        }, ct);
        switch (result.Status)
        {
            case DealCommandStatus.Applied or DealCommandStatus.Unchanged:
                var deal = await DealView.LoadAsync(db, id, ct);
                if (deal is null) return NotFound(id);
                request.HttpContext.Response.Headers.ETag = deal.ETag;
                return TypedResults.Ok(deal);
            case DealCommandStatus.Invalid:
                return Errors(result.Errors.Count > 0 ? result.Errors : new Dictionary<string, string> { ["request"] = result.Message }, result.Crm is null ? null : result.Message);
            case DealCommandStatus.Stale:
                // A conflict in the CRM the deal belongs to says so (result.Crm); the deal now holds the CRM's values.
                return TypedResults.Json(new DealApiConflict(result.Crm is null ? $"The deal changed since version {expected}." : result.Message, result.Version ?? 0, [.. result.ChangedSince.Select(DealHistoryEntry.From)]),
                    statusCode: StatusCodes.Status412PreconditionFailed);
            case DealCommandStatus.PendingApproval:
                return TypedResults.Json(new DealApiHeld(result.Message, result.Version ?? expected), statusCode: StatusCodes.Status202Accepted);
            case DealCommandStatus.NotFound:
                return result.Crm is null ? NotFound(id) : Problem(StatusCodes.Status410Gone, result.Message);
            default:
                return Problem(StatusCodes.Status403Forbidden, result.Message);
        }
    }

    private static async Task<Results<Ok<List<DealHistoryEntry>>, ProblemHttpResult>> History(string id, int? limit, RevBotDb db, CancellationToken ct)
    {
        if (BadId(id) is { } bad) return bad;
        if (limit is < 1 or > MaxHistory) return Problem(StatusCodes.Status400BadRequest, $"limit must be from 1 to {MaxHistory}.");
        if (!await db.Deals.AnyAsync(d => d.Id == id, ct)) return NotFound(id);
        var changes = await DealHistory.LatestAsync(db, id, limit ?? 50, ct);
        return TypedResults.Ok(changes.Select(DealHistoryEntry.From).ToList());
    }

    /// <summary>Accepts 7, "7" and W/"7": the version GET returned, as ETag or as the number.</summary>
    private static bool TryVersion(string header, out int version)
    {
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        return int.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    private static JsonHttpResult<DealApiErrors> Errors(IReadOnlyDictionary<string, string> errors, string? message = null) =>
        TypedResults.Json(new DealApiErrors(message ?? "Some fields are not valid; nothing was changed.", errors), statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>A 400 for an id that is no text at all (the path may carry %00); any other unknown id is a 404.</summary>
    private static ProblemHttpResult? BadId(string id) =>
        InputText.Problem(id) is { } problem ? Problem(StatusCodes.Status400BadRequest, $"The deal id {problem}.") : null;

    private static ProblemHttpResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, $"There is no deal '{id}'.");

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}

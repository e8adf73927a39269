using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Teams.Activities;
using RevBot.Teams.Auth;
using RevBot.Teams.Handling;

namespace RevBot.Teams.Endpoints;

/// <summary>
/// The bot's messaging endpoint. Mapped only when Teams is enabled. Order: size cap, JSON, authentication, then the
/// handler; nothing is processed or stored for a request that fails any step.
/// </summary>
public static class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Activities are a few KB; a megabyte is generous and keeps a flood of large bodies cheap to refuse.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.IsEnabled) return app;
        app.MapPost(MessagesPath, Messages);
        return app;
    }

    private static async Task<Results<Ok, BadRequest, StatusCodeHttpResult, JsonHttpResult<object>>> Messages(
        HttpContext http, BotAuthenticator authenticator, TeamsActivityHandler handler)
    {
        var ct = http.RequestAborted;
        var body = await ReadCappedAsync(http.Request, ct);
        if (body is null) return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);

        BotActivity? activity;
        try { activity = JsonSerializer.Deserialize<BotActivity>(body, BotJson.Options); }
        catch (JsonException) { activity = null; }
        if (activity is null) return TypedResults.BadRequest();

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity, ct);
        if (!auth.Succeeded) return TypedResults.StatusCode(auth.StatusCode);
        // Every activity RevBot acts on names its type, where to answer and the conversation: without them it is not
        // one Teams sends, and nothing below can answer it.
        if (string.IsNullOrEmpty(activity.Type) || string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
            return TypedResults.BadRequest();

        var response = await handler.HandleAsync(activity, ct);
        if (response is null) return TypedResults.Ok();
        // Teams reads an invoke's body as it is: the AdaptiveCardInvokeResponse itself, not wrapped in anything else.
        return response.Body is null
            ? TypedResults.StatusCode(response.Status)
            : TypedResults.Json(response.Body, BotJson.Options, statusCode: response.Status);
    }

    /// <summary>The body, or null when it is over <see cref="MaxBodyBytes"/> (checked while reading, for chunked bodies too).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Chat;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Input;
using RevBot.Teams.App.Conversations;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Auth;

namespace RevBot.Teams.App.Endpoints;

/// <summary>
/// The bot's messaging endpoint. Mapped only when Teams is enabled. Order: size cap, JSON, authentication, then the
/// handler; nothing is processed or stored for a request that fails any step.
/// </summary>
public static class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Activities are a few KB; a megabyte is generous and keeps a flood of large bodies cheap to refuse.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The longest conversation id RevBot can keep: it is stored as a conversation reference and, behind "teams:", as
    /// the key of the conversation's context. Teams' own ids are far shorter.
    /// </summary>
    public const int MaxConversationIdLength = ConversationState.MaxKeyLength - 6;

    // Ids of conversations, people and teams are stored (references, context, "created by"); tenant ids are GUIDs.
    private static readonly Dictionary<string, int> IdLimits = new(StringComparer.Ordinal)
    {
        ["id"] = MaxConversationIdLength, ["aadObjectId"] = 100, ["tenantId"] = 100, ["conversationType"] = ChatConversationReference.MaxKindLength,
    };

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
        var body = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, ct);
        if (body is null) return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (ReadActivity(body) is not { } activity) return TypedResults.BadRequest();

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity, ct);
        if (!auth.Succeeded) return TypedResults.StatusCode(auth.StatusCode);
        // Every activity RevBot acts on names its type, where to answer and the conversation: without them it is not
        // one Teams sends, and nothing below can answer it.
        if (string.IsNullOrEmpty(activity.Type) || string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
            return TypedResults.BadRequest();
        // Ids are stored (conversation references and context, delivery claims): one their columns cannot hold is not
        // one Teams sends either, so it is refused here (as over-long ids anywhere are, in ReadActivity) rather than
        // failing at the database after the fact.
        if (activity.ServiceUrl.Length > ChatConversationReference.MaxServiceUrlLength || activity.Id?.Length > InboundDelivery.MaxIdLength)
            return TypedResults.BadRequest();

        var response = await handler.HandleAsync(activity, ct);
        if (response is null) return TypedResults.Ok();
        // Teams reads an invoke's body as it is: the AdaptiveCardInvokeResponse itself, not wrapped in anything else.
        return response.Body is null
            ? TypedResults.StatusCode(response.Status)
            : TypedResults.Json(response.Body, BotJson.Options, statusCode: response.Status);
    }

    /// <summary>
    /// The activity, or null when the body is not one. Read through <see cref="JsonInput"/> first: every string of it
    /// (Value and unknown members included, which are read later) must be UTF-8 text, NUL characters, which
    /// PostgreSQL refuses and Teams never sends, are removed, and no id may be longer than <see cref="IdLimits"/>.
    /// </summary>
    private static BotActivity? ReadActivity(byte[] body)
    {
        if (!JsonInput.TryRead(body, stripNul: true, out var json, out _) || JsonInput.HasOverlong(json, IdLimits)) return null;
        try { return json.Deserialize<BotActivity>(BotJson.Options); }
        catch (JsonException) { return null; }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Slack.Protocol.Inbound;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.Slack.Protocol.Endpoints;

/// <summary>
/// The Request URLs of the manifest. Mapped only in HTTP mode with a signing secret: an unverifiable Slack endpoint is
/// worse than none. Every request is verified before it is parsed; each kind becomes a <see cref="SlackInbound"/>.
/// </summary>
public static class SlackEndpoints
{
    public const string EventsPath = "/slack/events";
    public const string CommandsPath = "/slack/commands";
    public const string InteractivityPath = "/slack/interactivity";

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        var log = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
        if (!options.ServesHttpEndpoints)
        {
            if (options.ParsedMode == SlackMode.Http && !string.IsNullOrEmpty(options.BotToken))
                log.LogWarning("Slack endpoints are not mapped: Slack:SigningSecret is not set, so requests could not be verified.");
            return app;
        }
        app.MapPost(EventsPath, Events).RequireSlackSignature();
        app.MapPost(CommandsPath, Commands).RequireSlackSignature();
        app.MapPost(InteractivityPath, Interactivity).RequireSlackSignature();
        return app;
    }

    private static async Task<Results<Ok, JsonHttpResult<JsonElement>, BadRequest>> Events(HttpContext http, ISlackInboundHandler handler)
    {
        if (!SlackPayloads.TryParseJson(http.GetSlackBody(), out var payload)) return TypedResults.BadRequest();
        var type = SlackPayloads.String(payload, "type");
        if (type == "url_verification")
        {
            return SlackPayloads.String(payload, "challenge") is { } challenge
                ? TypedResults.Json(SlackJson.ToElement(new { challenge }))
                : TypedResults.BadRequest();
        }
        if (type != "event_callback") return TypedResults.Ok();
        var retry = int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], out var n) ? n : 0;
        var inbound = new SlackInbound(SlackInboundKind.EventsApi, payload, null, retry, http.Request.Headers["X-Slack-Retry-Reason"]);
        return Respond(await handler.HandleAsync(inbound, http.RequestAborted));
    }

    private static async Task<Results<Ok, JsonHttpResult<JsonElement>, BadRequest>> Commands(HttpContext http, ISlackInboundHandler handler)
    {
        if (!SlackPayloads.TryParseForm(http.GetSlackBody(), out var form)) return TypedResults.BadRequest();
        if (form.ContainsKey("ssl_check")) return TypedResults.Ok();
        if (!form.ContainsKey("command")) return TypedResults.BadRequest();
        // Slash commands carry no id of their own: the signed request is the delivery (a replay repeats it exactly).
        var inbound = new SlackInbound(SlackInboundKind.SlashCommand, SlackPayloads.FormAsJson(form), SlackReplayKey.For(http, "command:"));
        return Respond(await handler.HandleAsync(inbound, http.RequestAborted));
    }

    private static async Task<Results<Ok, JsonHttpResult<JsonElement>, BadRequest>> Interactivity(HttpContext http, ISlackInboundHandler handler)
    {
        if (!SlackPayloads.TryParseForm(http.GetSlackBody(), out var form)
            || !form.TryGetValue("payload", out var raw) || !SlackPayloads.TryParseJson(raw.ToString(), out var payload))
            return TypedResults.BadRequest();
        return Respond(await handler.HandleAsync(new SlackInbound(SlackInboundKind.Interactive, payload), http.RequestAborted));
    }

    private static Results<Ok, JsonHttpResult<JsonElement>, BadRequest> Respond(SlackAck ack) =>
        ack.Payload is { } body ? TypedResults.Json(body) : TypedResults.Ok();
}

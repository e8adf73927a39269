using System.Text.Json;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Input;
using RevBot.Sources.Hubspot;
using RevBot.Sources.Sync;

namespace RevBot.Host.Api;

/// <summary>
/// <c>POST /hubspot/webhooks</c>: HubSpot's change notifications. Each delivery is verified with the v3 signature
/// before anything else (401 when the secret is unset, HubSpot is not enabled, or the signature or its time is wrong;
/// 413 past 256 KiB) and then only nudges an incremental sync, which runs off the request path: the answer is 200 at
/// once, and what changed is read from HubSpot itself, never taken from the delivery.
/// </summary>
internal static partial class HubspotWebhookEndpoints
{
    public const string Path = "/hubspot/webhooks";

    /// <summary>HubSpot sends at most 100 events per delivery, a few hundred bytes each.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapHubspotWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<HubspotOptions> options, TimeProvider time, ILoggerFactory logs)
    {
        var log = logs.CreateLogger(typeof(HubspotWebhookEndpoints));
        var body = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, http.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var settings = options.Value;
        var check = HubspotWebhookSignature.Verify(settings.Enabled ? Secret(settings, log) : null, http.Request.Method, SignedUri(http, settings), body,
            http.Request.Headers[HubspotWebhookSignature.TimestampHeader], http.Request.Headers[HubspotWebhookSignature.SignatureHeader], time.GetUtcNow());
        if (check != HubspotSignatureCheck.Valid)
        {
            LogRefused(log, check);
            return Results.Unauthorized();
        }
        if (!IsEventList(body)) return Results.BadRequest();
        http.RequestServices.GetService<SyncNudge>()?.Nudge(SourceSystem.Hubspot);
        return Results.Ok();
    }

    /// <summary>The URL HubSpot signed: the configured public one, or the one the request came to.</summary>
    private static string SignedUri(HttpContext http, HubspotOptions settings) =>
        settings.WebhookUrl is { Length: > 0 } configured
            ? configured
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";

    private static string? Secret(HubspotOptions settings, ILogger log)
    {
        try
        {
            return settings.WebhookSecret();
        }
        catch (IOException e)
        {
            // A mounted secret file that cannot be read refuses the delivery, as an unset secret does.
            LogSecretUnreadable(log, e.GetType().Name);
            return null;
        }
    }

    private static bool IsEventList(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a HubSpot webhook: {Reason}.")]
    private static partial void LogRefused(ILogger logger, HubspotSignatureCheck reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sources:Hubspot:ClientSecretFile could not be read ({Error}); HubSpot webhooks are refused.")]
    private static partial void LogSecretUnreadable(ILogger logger, string error);
}

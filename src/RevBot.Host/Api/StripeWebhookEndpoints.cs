using System.Text;
using RevBot.Core.Input;
using RevBot.Sources.Stripe;

namespace RevBot.Host.Api;

/// <summary>
/// <c>POST /stripe/webhooks</c>: Stripe's event deliveries (docs/sources.md, "Stripe"). The body is read whole, up to
/// <see cref="StripeWebhook.MaxBodyBytes"/> (413 past it), because the signature covers its exact bytes; then 401 for
/// anything unverified (no secret, wrong signature, an old timestamp), 400 for a signed body that is no event, 200
/// otherwise, at once: a verified event only nudges an incremental sync that runs off the request path.
/// </summary>
internal static class StripeWebhookEndpoints
{
    public const string Path = "/stripe/webhooks";

    public static IEndpointRouteBuilder MapStripeWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, Receive);
        return app;
    }

    private static async Task<IResult> Receive(HttpContext http, StripeWebhook webhook)
    {
        var bytes = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, StripeWebhook.MaxBodyBytes, http.RequestAborted);
        if (bytes is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        string body;
        try
        {
            body = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Results.BadRequest();
        }
        var result = webhook.Handle(body, http.Request.Headers["Stripe-Signature"].ToString());
        return result.Outcome switch
        {
            StripeWebhookOutcome.Nudged or StripeWebhookOutcome.Ignored => Results.Ok(),
            StripeWebhookOutcome.Invalid => Results.BadRequest(),
            _ => Results.Unauthorized(),
        };
    }
}

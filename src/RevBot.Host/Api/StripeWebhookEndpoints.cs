using System.Text;
using RevBot.Core.Input;
using RevBot.Sources.Stripe;

namespace RevBot.Host.Api;

/// <summary>
/// <c>POST /stripe/webhooks</c>: Stripe's event deliveries (docs/sources.md, "Stripe"). The body is read whole, up to
/// <see cref="StripeWebhook.MaxBodyBytes"/> (413 past it), because the signature covers its exact bytes; then 401 for
/// anything unverified (no secret, wrong signature, an old timestamp), 400 for a signed body that is no event, 503
/// when Stripe or the database cannot be reached (Stripe delivers again), 200 otherwise.
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
        var result = await webhook.HandleAsync(body, http.Request.Headers["Stripe-Signature"].ToString(), http.RequestAborted);
        return result.Outcome switch
        {
            StripeWebhookOutcome.Applied or StripeWebhookOutcome.Ignored => Results.Ok(),
            StripeWebhookOutcome.Invalid => Results.BadRequest(),
            StripeWebhookOutcome.Unavailable => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
            _ => Results.Unauthorized(),
        };
    }
}

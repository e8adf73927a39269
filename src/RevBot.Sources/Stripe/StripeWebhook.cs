using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Stripe;

/// <summary>
/// A webhook delivery from Stripe: verified with Stripe.net's own <c>EventUtility.ConstructEvent</c> (the
/// <c>Stripe-Signature</c> HMAC and a timestamp at most 5 minutes from now) before anything is read; refused when the
/// source is off or has no signing secret. A verified event about a subscription only nudges an incremental sync
/// (<see cref="SyncNudge"/>): nothing is read or written on the request path, and the run reads the events API from
/// the stored cursor under the system's lock, so the delivery's own payload is never imported and a repeated or late
/// event changes nothing.
/// </summary>
public sealed class StripeWebhook(IOptionsMonitor<StripeOptions> options, SyncNudge nudge, TimeProvider time)
{
    /// <summary>Stripe's events are small; a subscription with many items is still far below this.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>Stripe's own default tolerance for a signature's timestamp, in seconds.</summary>
    public const long ToleranceSeconds = 300;

    public StripeWebhookResult Handle(string body, string? signature)
    {
        var o = options.CurrentValue;
        string? secret;
        try
        {
            secret = o.Enabled ? o.ReadWebhookSecret() : null;
        }
        catch (IOException)
        {
            // A mounted secret file that cannot be read refuses the delivery, as an unset secret does.
            return new(StripeWebhookOutcome.Unverified, "the webhook secret file cannot be read");
        }
        if (secret is null) return new(StripeWebhookOutcome.Unverified, "the Stripe source or its webhook secret is not set");
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        try
        {
            global::Stripe.EventUtility.ValidateSignature(body, signature ?? "", secret, ToleranceSeconds, now);
        }
        catch (global::Stripe.StripeException)
        {
            return new(StripeWebhookOutcome.Unverified, "the signature does not match or is too old");
        }
        global::Stripe.Event stripeEvent;
        try
        {
            stripeEvent = global::Stripe.EventUtility.ConstructEvent(body, signature ?? "", secret, ToleranceSeconds, now, throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Signed by Stripe, yet not an event this SDK can read: nothing to apply, and Stripe should not send it again.
            return new(StripeWebhookOutcome.Invalid, "the body is not an event");
        }
        if (StripeEvents.Named(stripeEvent) is null) return new(StripeWebhookOutcome.Ignored, stripeEvent.Type);
        nudge.Nudge(SourceSystem.Stripe);
        return new(StripeWebhookOutcome.Nudged, stripeEvent.Type);
    }
}

public enum StripeWebhookOutcome
{
    /// <summary>Verified and about a subscription: an incremental sync is asked for.</summary>
    Nudged,

    /// <summary>Verified, but about nothing RevBot keeps.</summary>
    Ignored,

    /// <summary>Refused: no secret, a wrong signature, or a timestamp outside the tolerance.</summary>
    Unverified,

    /// <summary>Signed, but not an event.</summary>
    Invalid,
}

/// <summary>What a delivery did: <paramref name="Detail"/> is short and safe to log.</summary>
public sealed record StripeWebhookResult(StripeWebhookOutcome Outcome, string Detail);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Csv;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Stripe;

/// <summary>
/// A webhook delivery from Stripe: verified with Stripe.net's own <c>EventUtility.ConstructEvent</c> (the
/// <c>Stripe-Signature</c> HMAC and a timestamp at most 5 minutes from now) before anything is read; refused when the
/// source is off or has no signing secret. A verified event about a subscription reads that subscription again from
/// Stripe and imports it through the same checks and upsert as a sync, so a repeated or late event changes nothing.
/// </summary>
public sealed class StripeWebhook(RevBotDb db, StripeConnector connector, StripeClients clients, IOptionsMonitor<StripeOptions> options,
    TimeProvider time, ILogger<StripeWebhook> log)
{
    /// <summary>Stripe's events are small; a subscription with many items is still far below this.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>Stripe's own default tolerance for a signature's timestamp, in seconds.</summary>
    public const long ToleranceSeconds = 300;

    public async Task<StripeWebhookResult> HandleAsync(string body, string? signature, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (!o.Enabled || o.ReadWebhookSecret() is not { } secret) return new(StripeWebhookOutcome.Unverified, "the Stripe source or its webhook secret is not set");
        try
        {
            global::Stripe.EventUtility.ValidateSignature(body, signature ?? "", secret, ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (global::Stripe.StripeException)
        {
            return new(StripeWebhookOutcome.Unverified, "the signature does not match or is too old");
        }
        global::Stripe.Event stripeEvent;
        try
        {
            stripeEvent = global::Stripe.EventUtility.ConstructEvent(body, signature ?? "", secret, ToleranceSeconds,
                time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Signed by Stripe, yet not an event this SDK can read: nothing to apply, and Stripe should not send it again.
            return new(StripeWebhookOutcome.Invalid, "the body is not an event");
        }
        if (StripeEvents.Named(stripeEvent) is null) return new(StripeWebhookOutcome.Ignored, stripeEvent.Type);
        try
        {
            var api = new StripeApi(clients.Create());
            var (changed, deleted) = await StripeEvents.ReadAsync(api, [stripeEvent], ct);
            var rows = await connector.RowsAsync(api, ct);
            var (canonical, skipped) = await rows.MakeAsync($"stripe event {stripeEvent.Id}", changed, deleted, ct);
            var result = await CsvImporter.ImportAsync(db, CsvSource.Rows(canonical),
                new CsvImportOptions { SkipInvalid = true, Channel = ChangeChannel.Sync, Time = time }, ct);
            var written = result.Files.Sum(f => f.Inserted + f.Updated) + result.Deleted.Values.Sum();
            foreach (var skip in skipped) log.LogInformation("Stripe event {Event}: subscription {Id} skipped: {Reason}", stripeEvent.Id, skip.Id, skip.Reason);
            return new(StripeWebhookOutcome.Applied, stripeEvent.Type, written);
        }
        catch (Exception e) when (e is SyncFailedException or HttpRequestException or TimeoutException or DbUpdateException)
        {
            // Stripe delivers again later: nothing was committed.
            log.LogWarning("Stripe event {Event} was not applied: {Error}", stripeEvent.Id, e.Message);
            return new(StripeWebhookOutcome.Unavailable, e.Message);
        }
    }
}

public enum StripeWebhookOutcome
{
    /// <summary>Verified and imported (perhaps changing nothing).</summary>
    Applied,

    /// <summary>Verified, but about nothing RevBot keeps.</summary>
    Ignored,

    /// <summary>Refused: no secret, a wrong signature, or a timestamp outside the tolerance.</summary>
    Unverified,

    /// <summary>Signed, but not an event.</summary>
    Invalid,

    /// <summary>Stripe or the database could not be reached: answered so that Stripe delivers again.</summary>
    Unavailable,
}

/// <summary>What a delivery did: <paramref name="Detail"/> is short and safe to log; <paramref name="Written"/> counts rows changed.</summary>
public sealed record StripeWebhookResult(StripeWebhookOutcome Outcome, string Detail, int Written = 0);

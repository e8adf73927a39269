using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// The calls RevBot makes to Stripe, all through Stripe.net on the "source.stripe" HTTP client (whose standard
/// resilience pipeline retries 429 and 5xx; the SDK's own retries are off so that there is one retry policy). Subscriptions
/// are listed with pages read ahead (<see cref="StripePages"/>), events with the SDK's auto-paging. A Stripe error becomes a <see cref="Sync.SyncFailedException"/> naming the
/// call and Stripe's status, never the key. Coupons and products are read once per run and kept.
/// </summary>
internal sealed class StripeApi(StripeClient client)
{
    public const int PageSize = 100;

    /// <summary>What every subscription read expands: its customer (for the account mapping) and its discounts.</summary>
    private static readonly string[] SubscriptionExpand = ["customer", "discounts", "items.data.discounts"];

    private readonly Dictionary<string, Coupon?> _coupons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _products = new(StringComparer.Ordinal);

    /// <summary>
    /// Every subscription (any status; of one customer if given), in Stripe's list order, after
    /// <paramref name="startingAfter"/>, with pages read ahead (<see cref="StripePages"/>).
    /// </summary>
    public IAsyncEnumerable<Subscription> SubscriptionsAsync(string? startingAfter, string? customer, CancellationToken ct)
    {
        // Stripe.net's own encoding of a SubscriptionListOptions: expand as an indexed array.
        List<KeyValuePair<string, string>> parameters = [new("status", "all"), new("limit", PageSize.ToString(CultureInfo.InvariantCulture))];
        if (customer is not null) parameters.Add(new("customer", customer));
        parameters.AddRange(SubscriptionExpand.Select((e, i) => new KeyValuePair<string, string>($"expand[{i}]", "data." + e)));
        return Guard("list subscriptions", StripePages.ReadAsync<Subscription>(client, "/v1/subscriptions", parameters, startingAfter, ct), ct);
    }

    /// <summary>One subscription, or null when Stripe has no such object (it was deleted).</summary>
    public async Task<Subscription?> SubscriptionAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.V1.Subscriptions.GetAsync(id, new SubscriptionGetOptions { Expand = [.. SubscriptionExpand] }, cancellationToken: ct);
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (StripeException e)
        {
            throw Failed("read a subscription", e);
        }
    }

    /// <summary>The newest event's id, where an incremental sync after a full one starts; null when there is none.</summary>
    public async Task<Event?> NewestEventAsync(CancellationToken ct)
    {
        try
        {
            var page = await client.V1.Events.ListAsync(new EventListOptions { Limit = 1 }, cancellationToken: ct);
            return page.Data.FirstOrDefault();
        }
        catch (StripeException e)
        {
            throw Failed("list events", e);
        }
    }

    /// <summary>
    /// The customer events after <paramref name="afterEventId"/>, oldest first (the SDK pages backwards from an
    /// <c>ending_before</c>). Without an id, those created at or after <paramref name="since"/>, also oldest first.
    /// </summary>
    public IAsyncEnumerable<Event> EventsAsync(string? afterEventId, DateTime since, CancellationToken ct)
    {
        var options = new EventListOptions { Type = "customer.*", Limit = PageSize };
        if (afterEventId is not null)
        {
            options.EndingBefore = afterEventId;
            return Guard("list events", client.V1.Events.ListAutoPagingAsync(options, cancellationToken: ct), ct);
        }
        options.Created = new DateRangeOptions { GreaterThanOrEqual = since };
        return OldestFirstAsync(Guard("list events", client.V1.Events.ListAutoPagingAsync(options, cancellationToken: ct), ct));
    }

    public async Task<Coupon?> CouponAsync(string id, CancellationToken ct)
    {
        if (_coupons.TryGetValue(id, out var known)) return known;
        try
        {
            return _coupons[id] = await client.V1.Coupons.GetAsync(id, cancellationToken: ct);
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return _coupons[id] = null;
        }
        catch (StripeException e)
        {
            throw Failed("read a coupon", e);
        }
    }

    public async Task<string?> ProductNameAsync(string id, CancellationToken ct)
    {
        if (_products.TryGetValue(id, out var known)) return known;
        try
        {
            return _products[id] = (await client.V1.Products.GetAsync(id, cancellationToken: ct)).Name;
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return _products[id] = null;
        }
        catch (StripeException e)
        {
            throw Failed("read a product", e);
        }
    }

    /// <summary>True for Stripe's answer to an <c>ending_before</c> event it no longer keeps (events live 30 days).</summary>
    public static bool IsMissing(Exception e) => e.InnerException is StripeException { StripeError.Code: "resource_missing" };

    private static async IAsyncEnumerable<Event> OldestFirstAsync(IAsyncEnumerable<Event> newestFirst)
    {
        var all = new List<Event>();
        await foreach (var e in newestFirst) all.Add(e);
        for (var i = all.Count - 1; i >= 0; i--) yield return all[i];
    }

    /// <summary>The SDK's pages, with a Stripe error turned into a sync failure.</summary>
    private static async IAsyncEnumerable<T> Guard<T>(string what, IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var e = items.GetAsyncEnumerator(ct);
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync()) yield break;
            }
            catch (StripeException ex)
            {
                throw Failed(what, ex);
            }
            yield return e.Current;
        }
    }

    private static Sync.SyncFailedException Failed(string what, StripeException e) =>
        new($"Stripe refused to {what}: {(int?)e.HttpStatusCode} {e.StripeError?.Code ?? e.StripeError?.Type ?? ""} {e.StripeError?.Message ?? ""}".TrimEnd(), e);
}

using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// What a run of customer events changed, read again from Stripe as it is now: the subscriptions an event names
/// (<c>customer.subscription.*</c>, a <c>customer.discount.*</c> on a subscription) and every subscription of a customer
/// whose own record changed (<c>customer.updated</c>, a discount on the customer: its mapping or discount may differ).
/// An event seen twice reads the same subscription again and so changes nothing. The batch keeps the events' order.
/// </summary>
internal static class StripeEvents
{
    /// <summary>
    /// Subscriptions read again at once: one at a time, 1,000 changed ones would take 1,000 round trips. Four in flight
    /// stay well under Stripe's read limits (100 a second live, 25 in a sandbox) at its usual latency; a 429 is
    /// retried by the HTTP client's resilience pipeline like any other.
    /// </summary>
    internal const int ParallelReads = 4;

    public static async Task<(List<Subscription> Changed, List<string> Deleted)> ReadAsync(StripeApi api, IEnumerable<Event> events, CancellationToken ct)
    {
        var subscriptions = new List<string>();
        var customers = new List<string>();
        foreach (var e in events)
        {
            if (Named(e) is not var (subscription, customer)) continue;
            if (subscription is not null && !subscriptions.Contains(subscription)) subscriptions.Add(subscription);
            if (customer is not null && !customers.Contains(customer)) customers.Add(customer);
        }
        var read = new Subscription?[subscriptions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, subscriptions.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct },
            async (i, c) => read[i] = await api.SubscriptionAsync(subscriptions[i], c));
        var changed = new List<Subscription>();
        var deleted = new List<string>();
        for (var i = 0; i < read.Length; i++)
        {
            if (read[i] is { } s) changed.Add(s);
            else deleted.Add(subscriptions[i]);
        }
        foreach (var customer in customers)
            await foreach (var s in api.SubscriptionsAsync(null, customer, ct))
                if (!changed.Exists(c => c.Id == s.Id)) changed.Add(s);
        return (changed, deleted);
    }

    /// <summary>The subscription or the customer an event is about; null for an event that changes no subscription.</summary>
    public static (string? Subscription, string? Customer)? Named(Event e) => e.Data?.Object switch
    {
        Subscription s when e.Type.StartsWith("customer.subscription.", StringComparison.Ordinal) => (s.Id, null),
        Discount { Subscription: { } subscription } => (subscription, null),
        Discount d when d.CustomerId is not null => (null, d.CustomerId),
        Customer c when e.Type is "customer.updated" or "customer.deleted" => (null, c.Id),
        _ => null,
    };
}

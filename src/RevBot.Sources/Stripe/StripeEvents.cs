using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// What a run of customer events changed, read again from Stripe as it is now: the subscriptions an event names
/// (<c>customer.subscription.*</c>, a <c>customer.discount.*</c> on a subscription) and every subscription of a customer
/// whose own record changed (<c>customer.updated</c>, a discount on the customer: its mapping or discount may differ).
/// An event seen twice reads the same subscription again and so changes nothing.
/// </summary>
internal static class StripeEvents
{
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
        var changed = new List<Subscription>();
        var deleted = new List<string>();
        foreach (var id in subscriptions)
        {
            if (await api.SubscriptionAsync(id, ct) is { } s) changed.Add(s);
            else deleted.Add(id);
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

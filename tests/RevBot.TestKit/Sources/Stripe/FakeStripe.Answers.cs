using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RevBot.Testing.Sources;

public sealed partial class FakeStripe
{
    private (int Status, JsonObject Body) Answer(string path, IQueryCollection query)
    {
        var parts = path.Trim('/').Split('/');
        // Stripe takes expand[]=x and expand[0]=x alike (Stripe.net sends the indexed form).
        var expand = query.Where(q => q.Key.StartsWith("expand[", StringComparison.Ordinal)).SelectMany(q => q.Value).Select(e => e ?? "")
            .ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            return parts switch
            {
                ["v1", "subscriptions"] => Page("/v1/subscriptions", query, _subscriptions
                    .Where(s => query["status"] == "all" || (string.IsNullOrEmpty(query["status"]) && s.Status != "canceled") || s.Status == query["status"])
                    .Where(s => string.IsNullOrEmpty(query["customer"]) || s.Customer == query["customer"])
                    .Select(s => (s.Id, (Func<JsonNode>)(() => Render(s, expand, "data.")))).ToList()),
                ["v1", "subscriptions", var id] => _subscriptions.Find(s => s.Id == id) is { } s ? (200, Render(s, expand, "")) : Missing("subscription", id),
                ["v1", "customers"] => Page("/v1/customers", query, _customers.Values.Select(c => (c.Id, (Func<JsonNode>)(() => FakeStripeJson.Customer(c)))).ToList()),
                ["v1", "customers", var id] => _customers.TryGetValue(id, out var c) ? (200, FakeStripeJson.Customer(c)) : Missing("customer", id),
                ["v1", "coupons", var id] => _coupons.TryGetValue(id, out var coupon) ? (200, FakeStripeJson.Coupon(coupon)) : Missing("coupon", id),
                ["v1", "products", var id] => _products.TryGetValue(id, out var name) ? (200, FakeStripeJson.Product(id, name)) : Missing("product", id),
                ["v1", "events"] => Events(query),
                _ => (404, FakeStripeJson.Error("invalid_request_error", null, $"Unrecognized request URL (GET: {path}).")),
            };
        }
    }

    private JsonObject Render(FakeStripeSubscription s, HashSet<string> expand, string prefix) =>
        FakeStripeJson.Subscription(s, expand.Contains(prefix + "customer") && _customers.TryGetValue(s.Customer, out var c) ? FakeStripeJson.Customer(c) : null,
            expand.Contains(prefix + "discounts"), expand.Contains(prefix + "items.data.discounts"), _coupons, Now);

    /// <summary>Stripe's cursor paging over a list in Stripe's order (newest first); only the page's items are rendered.</summary>
    private static (int, JsonObject) Page(string url, IQueryCollection query, List<(string Id, Func<JsonNode> Item)> all)
    {
        var limit = int.TryParse(query["limit"], out var l) ? Math.Clamp(l, 1, 100) : 10;
        var from = 0;
        if (query["starting_after"].FirstOrDefault() is { Length: > 0 } after)
        {
            var at = all.FindIndex(x => x.Id == after);
            if (at < 0) return Missing("object", after);
            from = at + 1;
        }
        var page = all.Skip(from).Take(limit).Select(x => x.Item()).ToList();
        return (200, FakeStripeJson.List(url, page, from + page.Count < all.Count));
    }

    private (int, JsonObject) Events(IQueryCollection query)
    {
        var type = query["type"].FirstOrDefault();
        var gte = long.TryParse(query["created[gte]"], out var g) ? g : long.MinValue;
        // Newest first, as Stripe lists events.
        var matching = _events.Where(e => type is null || (type.EndsWith(".*", StringComparison.Ordinal) ? e.Type.StartsWith(type[..^1], StringComparison.Ordinal) : e.Type == type))
            .Where(e => FakeStripeJson.Unix(e.Created) >= gte).Reverse().ToList();
        var limit = int.TryParse(query["limit"], out var l) ? Math.Clamp(l, 1, 100) : 10;
        if (query["ending_before"].FirstOrDefault() is { Length: > 0 } before)
        {
            var at = _events.FindIndex(e => e.Id == before);
            if (at < 0) return Missing("event", before);
            // The page just before the cursor in list order: the closest newer events, still newest first.
            var newer = matching.Where(e => _events.IndexOf(e) > at).ToList();
            var page = newer.Skip(Math.Max(0, newer.Count - limit)).ToList();
            return (200, FakeStripeJson.List("/v1/events", page.Select(e => (JsonNode)FakeStripeJson.Event(e)), newer.Count > page.Count));
        }
        return Page("/v1/events", query, matching.Select(e => (e.Id, (Func<JsonNode>)(() => FakeStripeJson.Event(e)))).ToList());
    }

    private static (int, JsonObject) Missing(string what, string id) =>
        (404, FakeStripeJson.Error("invalid_request_error", "resource_missing", $"No such {what}: '{id}'"));
}

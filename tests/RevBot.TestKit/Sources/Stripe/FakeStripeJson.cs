using System.Globalization;
using System.Text.Json.Nodes;

namespace RevBot.Testing.Sources;

/// <summary>
/// The fake's objects as Stripe's API writes them (every field the `stripe` npm package's types require, nulls where
/// Stripe allows them), so that the same JSON deserialises with Stripe.net and type-checks against Stripe's types.
/// </summary>
internal static class FakeStripeJson
{
    public static long Unix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    private static JsonNode? Unix(DateTime? utc) => utc is { } t ? JsonValue.Create(Unix(t)) : null;

    public static JsonObject Customer(FakeStripeCustomer c) => new()
    {
        ["id"] = c.Id,
        ["object"] = "customer",
        ["address"] = null,
        ["balance"] = 0,
        ["created"] = 1_700_000_000,
        ["currency"] = "usd",
        ["default_source"] = null,
        ["delinquent"] = false,
        ["description"] = null,
        ["discount"] = null,
        ["email"] = c.Email,
        ["invoice_prefix"] = "F" + (c.Id.Length > 6 ? c.Id[^6..] : c.Id).ToUpperInvariant().Replace("_", "", StringComparison.Ordinal),
        ["invoice_settings"] = new JsonObject { ["custom_fields"] = null, ["default_payment_method"] = null, ["footer"] = null, ["rendering_options"] = null },
        ["livemode"] = false,
        ["metadata"] = Metadata(c.Metadata),
        ["name"] = c.Email,
        ["next_invoice_sequence"] = 1,
        ["phone"] = null,
        ["preferred_locales"] = new JsonArray(),
        ["shipping"] = null,
        ["tax_exempt"] = "none",
        ["test_clock"] = null,
    };

    public static JsonObject Product(string id, string name) => new()
    {
        ["id"] = id,
        ["object"] = "product",
        ["active"] = true,
        ["created"] = 1_700_000_000,
        ["default_price"] = null,
        ["description"] = null,
        ["images"] = new JsonArray(),
        ["livemode"] = false,
        ["marketing_features"] = new JsonArray(),
        ["metadata"] = new JsonObject(),
        ["name"] = name,
        ["package_dimensions"] = null,
        ["shippable"] = null,
        ["statement_descriptor"] = null,
        ["tax_code"] = null,
        ["tax_details"] = null,
        ["type"] = "service",
        ["unit_label"] = null,
        ["updated"] = 1_700_000_000,
        ["url"] = null,
    };

    public static JsonObject Coupon(FakeStripeCoupon c) => new()
    {
        ["id"] = c.Id,
        ["object"] = "coupon",
        ["amount_off"] = c.AmountOff,
        ["created"] = 1_700_000_000,
        ["currency"] = c.AmountOff is null ? null : c.Currency,
        ["duration"] = c.Duration,
        ["duration_in_months"] = c.DurationInMonths,
        ["livemode"] = false,
        ["max_redemptions"] = null,
        ["metadata"] = new JsonObject(),
        ["name"] = c.Id,
        ["percent_off"] = c.PercentOff,
        ["redeem_by"] = null,
        ["times_redeemed"] = 1,
        ["valid"] = true,
    };

    public static JsonObject Discount(string subscription, string? item, string customer, FakeStripeCoupon coupon, DateTime start) => new()
    {
        ["id"] = $"di_{subscription}_{item ?? "all"}_{coupon.Id}",
        ["object"] = "discount",
        ["checkout_session"] = null,
        ["customer"] = customer,
        ["customer_account"] = null,
        ["end"] = coupon.Duration == "repeating" ? Unix(start.AddMonths(coupon.DurationInMonths ?? 1)) : null,
        ["invoice"] = null,
        ["invoice_item"] = null,
        ["promotion_code"] = null,
        ["source"] = new JsonObject { ["coupon"] = coupon.Id, ["type"] = "coupon" },
        ["start"] = Unix(start),
        ["subscription"] = item is null ? subscription : null,
        ["subscription_item"] = item,
    };

    public static JsonObject Price(FakeStripePrice p) => new()
    {
        ["id"] = p.Id,
        ["object"] = "price",
        ["active"] = true,
        ["billing_scheme"] = "per_unit",
        ["created"] = 1_700_000_000,
        ["currency"] = p.Currency,
        ["custom_unit_amount"] = null,
        ["livemode"] = false,
        ["lookup_key"] = null,
        ["metadata"] = new JsonObject(),
        ["nickname"] = null,
        ["product"] = p.Product,
        ["recurring"] = new JsonObject
        {
            ["interval"] = p.Interval,
            ["interval_count"] = p.IntervalCount,
            ["meter"] = null,
            ["trial_period_days"] = null,
            ["usage_type"] = p.UsageType,
        },
        ["tax_behavior"] = "unspecified",
        ["tiers_mode"] = null,
        ["transform_quantity"] = null,
        ["type"] = "recurring",
        ["unit_amount"] = p.UnitAmount,
        ["unit_amount_decimal"] = p.UnitAmount.ToString(CultureInfo.InvariantCulture),
    };

    public static JsonObject Plan(FakeStripePrice p) => new()
    {
        ["id"] = p.Id,
        ["object"] = "plan",
        ["active"] = true,
        ["amount"] = p.UnitAmount,
        ["amount_decimal"] = p.UnitAmount.ToString(CultureInfo.InvariantCulture),
        ["billing_scheme"] = "per_unit",
        ["created"] = 1_700_000_000,
        ["currency"] = p.Currency,
        ["interval"] = p.Interval,
        ["interval_count"] = p.IntervalCount,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["meter"] = null,
        ["nickname"] = null,
        ["product"] = p.Product,
        ["tiers_mode"] = null,
        ["transform_usage"] = null,
        ["trial_period_days"] = null,
        ["usage_type"] = p.UsageType,
    };

    /// <param name="customer">The customer object when expanded, else null (the id is written).</param>
    /// <param name="coupons">Every coupon by id, to render expanded discounts.</param>
    public static JsonObject Subscription(FakeStripeSubscription s, JsonObject? customer, bool expandDiscounts, bool expandItemDiscounts,
        IReadOnlyDictionary<string, FakeStripeCoupon> coupons, DateTime now)
    {
        var periodStart = s.StartDate;
        var first = s.Items[0].Price;
        while (Next(periodStart, first) <= now) periodStart = Next(periodStart, first);
        var items = new JsonArray();
        foreach (var item in s.Items)
        {
            items.Add(new JsonObject
            {
                ["id"] = item.Id,
                ["object"] = "subscription_item",
                ["billing_thresholds"] = null,
                ["created"] = Unix(s.Created),
                ["current_period_end"] = Unix(Next(periodStart, item.Price)),
                ["current_period_start"] = Unix(periodStart),
                ["current_trial"] = null,
                ["discounts"] = Discounts(item.Coupons ?? [], expandItemDiscounts, s, item.Id, coupons),
                ["metadata"] = new JsonObject(),
                ["plan"] = Plan(item.Price),
                ["price"] = Price(item.Price),
                ["quantity"] = item.Quantity,
                ["subscription"] = s.Id,
                ["tax_rates"] = new JsonArray(),
            });
        }
        return new JsonObject
        {
            ["id"] = s.Id,
            ["object"] = "subscription",
            ["application"] = null,
            ["application_fee_percent"] = null,
            ["automatic_tax"] = new JsonObject { ["disabled_reason"] = null, ["enabled"] = false, ["liability"] = null },
            ["billing_cycle_anchor"] = Unix(s.StartDate),
            ["billing_cycle_anchor_config"] = null,
            ["billing_mode"] = new JsonObject { ["flexible"] = null, ["type"] = "classic" },
            ["billing_schedules"] = new JsonArray(),
            ["billing_thresholds"] = null,
            ["cancel_at"] = Unix(s.CancelAt),
            ["cancel_at_period_end"] = false,
            ["canceled_at"] = Unix(s.CanceledAt),
            ["cancellation_details"] = new JsonObject { ["comment"] = null, ["feedback"] = null, ["feedback_option"] = null, ["reason"] = s.CanceledAt is null ? null : "cancellation_requested" },
            ["collection_method"] = "charge_automatically",
            ["created"] = Unix(s.Created),
            ["currency"] = s.Currency,
            ["customer"] = customer is null ? s.Customer : customer.DeepClone(),
            ["customer_account"] = null,
            ["days_until_due"] = null,
            ["default_payment_method"] = null,
            ["default_source"] = null,
            ["default_tax_rates"] = new JsonArray(),
            ["description"] = null,
            ["discounts"] = Discounts(s.Coupons, expandDiscounts, s, null, coupons),
            ["ended_at"] = Unix(s.EndedAt),
            ["invoice_settings"] = new JsonObject { ["account_tax_ids"] = null, ["custom_fields"] = null, ["description"] = null, ["footer"] = null, ["issuer"] = new JsonObject { ["type"] = "self" } },
            ["items"] = new JsonObject { ["object"] = "list", ["data"] = items, ["has_more"] = false, ["url"] = $"/v1/subscription_items?subscription={s.Id}" },
            ["latest_invoice"] = null,
            ["livemode"] = false,
            ["managed_payments"] = null,
            ["metadata"] = new JsonObject(),
            ["next_pending_invoice_item_invoice"] = null,
            ["on_behalf_of"] = null,
            ["pause_collection"] = null,
            ["payment_settings"] = null,
            ["pending_invoice_item_interval"] = null,
            ["pending_setup_intent"] = null,
            ["pending_update"] = null,
            ["schedule"] = null,
            ["start_date"] = Unix(s.StartDate),
            ["status"] = s.Status,
            ["test_clock"] = null,
            ["transfer_data"] = null,
            ["trial_end"] = Unix(s.TrialEnd),
            ["trial_settings"] = new JsonObject { ["end_behavior"] = new JsonObject { ["billing_cycle_anchor"] = null, ["missing_payment_method"] = "create_invoice" } },
            ["trial_start"] = Unix(s.TrialStart),
        };
    }

    public static JsonObject Event(FakeStripeEvent e) => new()
    {
        ["id"] = e.Id,
        ["object"] = "event",
        ["api_version"] = "2026-10-28.endive",
        ["created"] = Unix(e.Created),
        ["data"] = new JsonObject { ["object"] = e.Object.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = e.Type,
    };

    public static JsonObject List(string url, IEnumerable<JsonNode> data, bool hasMore) =>
        new() { ["object"] = "list", ["data"] = new JsonArray([.. data]), ["has_more"] = hasMore, ["url"] = url };

    public static JsonObject Error(string type, string? code, string message) =>
        new() { ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message } };

    private static JsonArray Discounts(IEnumerable<string> couponIds, bool expand, FakeStripeSubscription s, string? item, IReadOnlyDictionary<string, FakeStripeCoupon> coupons)
    {
        var list = new JsonArray();
        foreach (var id in couponIds)
        {
            var discount = Discount(s.Id, item, s.Customer, coupons[id], s.StartDate);
            list.Add(expand ? discount : JsonValue.Create((string)discount["id"]!));
        }
        return list;
    }

    private static DateTime Next(DateTime from, FakeStripePrice p) => p.Interval switch
    {
        "day" => from.AddDays(p.IntervalCount),
        "week" => from.AddDays(7 * p.IntervalCount),
        "year" => from.AddYears(p.IntervalCount),
        _ => from.AddMonths(p.IntervalCount),
    };

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var o = new JsonObject();
        foreach (var (k, v) in metadata) o[k] = v;
        return o;
    }
}

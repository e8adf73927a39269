using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// A subscription's monthly recurring revenue, in major units of its currency (docs/sources.md, "Stripe"): the sum over
/// its licensed items of price × quantity × the price's periods per month, less its discounts. An item's own discounts
/// come first, then the subscription's (Stripe's order). A percentage takes its share; a fixed amount is taken once per
/// billing period, so a month carries its share of it. A <c>forever</c> discount counts; a <c>repeating</c> one while
/// it lasts; a <c>once</c> discount touches one invoice, not the run rate, and is left out. Metered items bill what
/// was used, which no run rate knows in advance: they add nothing.
/// </summary>
internal static class StripeMrr
{
    public sealed record Result(decimal? Mrr, string? Problem);

    /// <param name="coupons">Every coupon the subscription's discounts name, by id (a discount carries only its coupon's id).</param>
    public static Result Of(Subscription subscription, IReadOnlyDictionary<string, Coupon> coupons, DateTime now)
    {
        var currency = subscription.Currency ?? "usd";
        var items = new List<(string? Product, decimal Amount)>();
        decimal? periodFactor = null;
        foreach (var item in subscription.Items?.Data ?? [])
        {
            var price = item.Price;
            if (price?.Recurring is not { } recurring || recurring.UsageType == "metered") continue;
            if (price.BillingScheme == "tiered") return new(null, $"price {price.Id} is tiered, which RevBot does not price");
            if ((price.UnitAmountDecimal ?? price.UnitAmount) is not { } unit) return new(null, $"price {price.Id} has no unit amount");
            if (StripeMoney.MonthFactor(recurring.Interval, recurring.IntervalCount) is not { } factor)
                return new(null, $"price {price.Id} bills every '{recurring.Interval}', an interval RevBot does not know");
            periodFactor ??= factor;
            var amount = unit * item.Quantity * factor;
            foreach (var coupon in Active(item.Discounts, coupons, now))
                amount = Less(amount, coupon, currency, factor);
            items.Add((price.ProductId, amount));
        }
        foreach (var coupon in Active(subscription.Discounts, coupons, now))
        {
            var eligible = items.Select((item, i) => (item, i)).Where(x => AppliesTo(coupon, x.item.Product)).ToList();
            var before = eligible.Sum(x => x.item.Amount);
            if (before <= 0) continue;
            var after = Less(before, coupon, currency, periodFactor ?? 1m);
            // The discount is spread over the eligible items in proportion, so each keeps its share.
            foreach (var (item, i) in eligible) items[i] = (item.Product, item.Amount * after / before);
        }
        var minor = items.Sum(i => i.Amount);
        return new(Math.Round(StripeMoney.ToMajor(minor, currency), 2, MidpointRounding.AwayFromZero), null);
    }

    /// <summary>The coupon ids a subscription's discounts name, to fetch before <see cref="Of"/>.</summary>
    public static IEnumerable<string> CouponIds(Subscription subscription) =>
        (subscription.Discounts ?? []).Concat((subscription.Items?.Data ?? []).SelectMany(i => i.Discounts ?? []))
            .Select(d => d?.Source?.Coupon?.Id ?? d?.Source?.CouponId).OfType<string>().Distinct(StringComparer.Ordinal);

    private static IEnumerable<Coupon> Active(IEnumerable<Discount?>? discounts, IReadOnlyDictionary<string, Coupon> coupons, DateTime now)
    {
        foreach (var discount in discounts ?? [])
        {
            if (discount is null || discount.Start > now || discount.End <= now) continue;
            var coupon = discount.Source?.Coupon ?? (discount.Source?.CouponId is { } id && coupons.TryGetValue(id, out var c) ? c : null);
            if (coupon is null || coupon.Duration == "once") continue;
            yield return coupon;
        }
    }

    private static decimal Less(decimal amount, Coupon coupon, string currency, decimal monthFactor)
    {
        if (coupon.PercentOff is { } percent) return Math.Max(0, amount * (100m - percent) / 100m);
        var off = string.Equals(coupon.Currency, currency, StringComparison.OrdinalIgnoreCase) ? coupon.AmountOff
            : coupon.CurrencyOptions?.FirstOrDefault(o => string.Equals(o.Key, currency, StringComparison.OrdinalIgnoreCase)).Value?.AmountOff;
        return off is { } minor ? Math.Max(0, amount - (minor * monthFactor)) : amount;
    }

    private static bool AppliesTo(Coupon coupon, string? product) =>
        coupon.AppliesTo?.Products is not { Count: > 0 } products || (product is not null && products.Contains(product));
}

namespace RevBot.Testing.Sources;

public sealed partial class FakeStripe
{
    public const string MetadataKey = "revbot_account";

    public static readonly FakeStripeCoupon TwentyPercent = new("pct20", 20m, null, null);

    public static readonly FakeStripeCoupon FiveOff = new("off500", null, 500, "usd");

    /// <summary>
    /// <paramref name="count"/> subscriptions made the same way every time: monthly, yearly and every-3-months prices,
    /// quantities 1-5, a 20% and a 5.00-off coupon, trials still running, cancelled ones; customer i has
    /// <see cref="MetadataKey"/> = <paramref name="accountOf"/>(i).
    /// </summary>
    public void Generate(int count, Func<int, string> accountOf)
    {
        AddProduct("prod_basic", "Basic");
        AddProduct("prod_pro", "Pro");
        AddProduct("prod_team", "Team");
        AddCoupon(TwentyPercent);
        AddCoupon(FiveOff);
        FakeStripePrice[] prices =
        [
            new("price_basic_m", "prod_basic", 4_900, "usd", "month", 1),
            new("price_pro_y", "prod_pro", 120_000, "usd", "year", 1),
            new("price_team_q", "prod_team", 29_700, "usd", "month", 3),
            new("price_basic_w", "prod_basic", 1_250, "usd", "week", 1),
        ];
        var now = Now;
        for (var i = 1; i <= count; i++)
        {
            var customer = $"cus_{i:D7}";
            AddCustomer(new FakeStripeCustomer(customer, $"billing{i}@example.com", new Dictionary<string, string> { [MetadataKey] = accountOf(i) }));
            var start = now.Date.AddDays(-(40 + (i % 300))).AddHours(12);
            var s = new FakeStripeSubscription
            {
                Id = $"sub_{i:D7}",
                Customer = customer,
                Created = start,
                StartDate = start,
                Items = [new FakeStripeItem($"si_{i:D7}", prices[i % prices.Length], 1 + (i % 5))],
            };
            if (i % 7 == 0) s.Coupons.Add(TwentyPercent.Id);
            else if (i % 11 == 0) s.Coupons.Add(FiveOff.Id);
            if (i % 13 == 0)
            {
                s.Status = "trialing";
                s.TrialStart = now.Date.AddDays(-4);
                s.TrialEnd = now.Date.AddDays(10).AddHours(12);
            }
            else if (i % 17 == 0)
            {
                s.Status = "canceled";
                s.CanceledAt = s.EndedAt = now.Date.AddDays(-20).AddHours(12);
            }
            AddSubscription(s);
        }
    }

    /// <summary>
    /// The fake's own MRR total, in major units, of the subscriptions paying on <paramref name="day"/> (UTC): the
    /// arithmetic written out per price and coupon, not RevBot's code.
    /// </summary>
    public decimal ExpectedMrr(DateOnly day)
    {
        lock (_gate)
        {
            decimal total = 0;
            foreach (var s in _subscriptions)
            {
                var start = DateOnly.FromDateTime(s.TrialEnd ?? s.StartDate);
                var end = s.EndedAt ?? s.CancelAt;
                if (start > day || (end is { } e && DateOnly.FromDateTime(e) <= day) || s.Currency != "usd") continue;
                total += ExpectedMrr(s);
            }
            return total;
        }
    }

    /// <summary>One subscription's MRR in major units rounded to cents (two-decimal currencies): monthly × 1, yearly ÷ 12, every 3 months ÷ 3, weekly × 52 ÷ 12.</summary>
    public decimal ExpectedMrr(FakeStripeSubscription s)
    {
        decimal cents = 0;
        decimal perMonth = 1;
        foreach (var item in s.Items)
        {
            perMonth = item.Price switch
            {
                { Interval: "year" } p => 1m / 12 / p.IntervalCount,
                { Interval: "week" } p => 52m / 12 / p.IntervalCount,
                { Interval: "day" } p => 30.4375m / p.IntervalCount,
                var p => 1m / p.IntervalCount,
            };
            cents += item.Price.UnitAmount * item.Quantity * perMonth;
        }
        foreach (var coupon in s.Coupons.Select(id => _coupons[id]).Where(c => c.Duration != "once"))
            cents = coupon.PercentOff is { } pct ? cents * (100 - pct) / 100 : Math.Max(0, cents - (coupon.AmountOff!.Value * perMonth));
        return Math.Round(cents / 100, 2, MidpointRounding.AwayFromZero);
    }
}

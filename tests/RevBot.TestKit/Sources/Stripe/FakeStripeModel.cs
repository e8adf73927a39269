namespace RevBot.Testing.Sources;

/// <summary>A customer of the fake Stripe: its email and metadata decide its RevBot account.</summary>
public sealed record FakeStripeCustomer(string Id, string? Email, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A recurring price; amounts in minor units of <paramref name="Currency"/> (lower case, as Stripe writes it).</summary>
public sealed record FakeStripePrice(string Id, string Product, long UnitAmount, string Currency, string Interval, int IntervalCount, string UsageType = "licensed");

/// <summary>A coupon: a percentage or an amount off (minor units of <paramref name="Currency"/>), forever, repeating or once.</summary>
public sealed record FakeStripeCoupon(string Id, decimal? PercentOff, long? AmountOff, string? Currency, string Duration = "forever", int? DurationInMonths = null);

public sealed record FakeStripeItem(string Id, FakeStripePrice Price, long Quantity, IReadOnlyList<string>? Coupons = null);

/// <summary>A subscription as the fake keeps it; times are UTC.</summary>
public sealed class FakeStripeSubscription
{
    public required string Id { get; init; }
    public required string Customer { get; set; }
    public string Currency { get; set; } = "usd";
    public string Status { get; set; } = "active";
    public required DateTime Created { get; init; }
    public required DateTime StartDate { get; init; }
    public DateTime? TrialStart { get; set; }
    public DateTime? TrialEnd { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime? CanceledAt { get; set; }
    public DateTime? CancelAt { get; set; }
    public required List<FakeStripeItem> Items { get; init; }
    public List<string> Coupons { get; init; } = [];
}

/// <summary>An event: its type, when, and the object it carries (a subscription, customer or discount, rendered when emitted).</summary>
public sealed record FakeStripeEvent(string Id, string Type, DateTime Created, System.Text.Json.Nodes.JsonObject Object);

/// <summary>One request the fake received.</summary>
public sealed record FakeStripeRequest(string Method, string Path, string Query, string Authorization, string? StripeVersion);

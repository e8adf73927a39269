namespace RevBot.Core.Metrics;

/// <summary>Subscriptions active on one day: how many, their MRR, and how many distinct accounts hold them.</summary>
internal sealed record SubscriptionStats(long Subscriptions, decimal Mrr, long Accounts)
{
    public static SubscriptionStats Empty { get; } = new(0, 0m, 0);

    public decimal Arr => 12m * Mrr;

    public static SubscriptionStats operator +(SubscriptionStats a, SubscriptionStats b) =>
        new(a.Subscriptions + b.Subscriptions, a.Mrr + b.Mrr, a.Accounts + b.Accounts);

    public static SubscriptionStats Add(SubscriptionStats a, SubscriptionStats b) => a + b;
}

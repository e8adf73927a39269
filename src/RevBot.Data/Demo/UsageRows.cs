using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// Daily product usage of paying accounts over the last 120 days: seats follow recurring revenue, weekends are quiet,
/// accounts flagged as falling lose most of their activity over the last 30 days, and accounts ready to expand double
/// theirs over the same days, past the seats they pay for.
/// </summary>
internal sealed class UsageRows(DemoSeedOptions options, DemoTimeline time)
{
    public const int Days = 120;
    public const int FallDays = 30;

    /// <summary>The account's MRR per seat: the first number of its usage stream, as <see cref="Write"/> draws it.</summary>
    public static double SeatPrice(DemoSeedOptions options, int accountIndex) => DemoRandom.For(options.Seed, DemoStream.Usage, accountIndex).Between(25, 70);

    public void Write(AccountPlan plan, IRowWriter<ProductUsage> writer)
    {
        var first = time.AsOf.AddDays(-Days);
        if (!plan.ActiveBetween(first, time.AsOf)) return;
        var r = DemoRandom.For(options.Seed, DemoStream.Usage, plan.Index);
        var mrrPerSeat = r.Between(25, 70);
        var trendPerDay = r.Between(-0.001, 0.003);
        var fall = plan.UsageFalling ? r.Between(0.55, 0.85) : 0;
        var fallStart = time.AsOf.AddDays(-FallDays);
        for (var day = first; day < time.AsOf; day = day.AddDays(1))
        {
            var mrr = (double)plan.MrrOn(day);
            if (mrr <= 0) continue;
            var level = (1 + (trendPerDay * (day.DayNumber - first.DayNumber))) * r.Between(0.88, 1.12);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) level *= 0.3;
            if (day >= fallStart) level *= 1 - (fall * (day.DayNumber - fallStart.DayNumber + 1) / FallDays);
            if (day >= fallStart && plan.ReadyToExpand) level *= 1 + ((double)(day.DayNumber - fallStart.DayNumber + 1) / FallDays);
            var activeUsers = (int)Math.Round(Math.Max(2, mrr / mrrPerSeat) * 0.7 * level);
            writer.Write(new ProductUsage
            {
                AccountId = plan.Account.Id,
                Date = day,
                ActiveUsers = activeUsers,
                Events = (int)Math.Round(activeUsers * r.Between(10, 35)),
            });
        }
    }
}

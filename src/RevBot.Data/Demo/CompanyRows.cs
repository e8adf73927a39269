using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// The company-level rows, made to agree with the deals: quarterly quotas that reps mostly come close to, weekly
/// forecast snapshots that converge on what was (or is being) booked, and monthly sales and marketing spend.
/// </summary>
internal sealed class CompanyRows(DemoSeedOptions options, DemoTimeline time, DemoPeople people, DemoTotals totals)
{
    public void Write(DemoSink sink)
    {
        if (sink.Spend is { } spend) WriteSpend(spend);
        if (sink.Quotas is { } quotas) WriteQuotas(quotas);
        if (sink.Forecasts is { } forecasts) WriteForecasts(forecasts);
    }

    private void WriteQuotas(IRowWriter<Quota> writer)
    {
        var first = time.QuarterOf(DemoTimeline.Day(time.HistoryStart));
        var last = time.CurrentQuarter + 1;
        // What an average rep books in a quarter, plus stretch; the plan grows over time.
        var perRep = Math.Max(10_000m, totals.WonTotal / (DemoTimeline.HistoryDays / 91m) / people.Reps.Count) * 1.15m;
        var factors = people.Reps.Select(rep => (decimal)DemoRandom.For(options.Seed, DemoStream.Quotas, rep.UserId).Between(0.85, 1.2)).ToArray();
        long id = 1;
        for (var q = first; q <= last; q++)
        {
            var growth = 0.8m + (0.4m * (q - first) / Math.Max(1, last - first));
            var company = 0m;
            for (var i = 0; i < people.Reps.Count; i++)
            {
                var amount = Thousands(perRep * growth * factors[i]);
                company += amount;
                writer.Write(Quota(id++, people.Reps[i].UserId, q, amount));
            }
            // Sales leadership over-assigns: the company number is below the sum of the reps'.
            writer.Write(Quota(id++, null, q, Thousands(company * 0.9m)));
        }
    }

    private void WriteForecasts(IRowWriter<ForecastSnapshot> writer)
    {
        var current = time.CurrentQuarter;
        var start = time.QuarterStart(current - 1);
        var monday = start.AddDays(((int)DayOfWeek.Monday - (int)start.DayOfWeek + 7) % 7);
        var taken = new List<DateTime>();
        for (var t = DemoTimeline.StartOf(monday).AddHours(15); t < time.Now; t = t.AddDays(7)) taken.Add(t);
        var companyTotals = new decimal[taken.Count];
        long id = 1;
        foreach (var rep in people.Reps)
        {
            for (var q = current - 1; q <= current; q++)
            {
                var r = DemoRandom.For(options.Seed, DemoStream.Forecasts, (rep.UserId * 4L) + q - current + 1);
                // Reps start the quarter cautious (or hopeful) and converge on what they book.
                var bias = r.Between(-0.3, 0.15);
                var target = q < current ? totals.Won(rep.UserId, q) : totals.Won(rep.UserId, q) + totals.OpenThisQuarter(rep.UserId);
                var from = DemoTimeline.StartOf(time.QuarterStart(q));
                var to = DemoTimeline.StartOf(time.QuarterStart(q + 1));
                for (var i = 0; i < taken.Count; i++)
                {
                    if (time.QuarterOf(DemoTimeline.Day(taken[i])) != q) continue;
                    var remaining = 1 - ((taken[i] - from) / (to - from));
                    var amount = Math.Max(0, Math.Round(target * (decimal)(1 + ((bias + (0.05 * r.Normal())) * remaining)), 2));
                    companyTotals[i] += amount;
                    writer.Write(Snapshot(id++, taken[i], q, amount, rep.UserId));
                }
            }
        }
        for (var i = 0; i < taken.Count; i++)
            writer.Write(Snapshot(id++, taken[i], time.QuarterOf(DemoTimeline.Day(taken[i])), companyTotals[i], null));
    }

    private void WriteSpend(IRowWriter<Spend> writer)
    {
        // Whole months only: the month of the as-of date has not been booked yet.
        var month = new DateOnly(time.HistoryStart.Year, time.HistoryStart.Month, 1).AddMonths(1);
        var last = new DateOnly(time.AsOf.Year, time.AsOf.Month, 1).AddMonths(-1);
        var months = ((last.Year * 12) + last.Month) - ((month.Year * 12) + month.Month) + 1;
        var perMonth = Math.Max(20_000m, totals.NewBookings / 24);
        var r = DemoRandom.For(options.Seed, DemoStream.Spend, 0);
        long id = 1;
        for (var i = 0; month <= last; i++, month = month.AddMonths(1))
        {
            var growth = 0.8m + (0.4m * i / Math.Max(1, months - 1));
            for (var c = 0; c < DemoCatalog.MarketingChannels.Length; c++)
            {
                var amount = perMonth * 0.45m * growth * (decimal)(DemoCatalog.MarketingChannelShares[c] * r.Between(0.8, 1.2));
                writer.Write(new Spend { Id = id++, Month = month, Category = SpendCategory.Marketing, Channel = DemoCatalog.MarketingChannels[c], Amount = Math.Round(amount) });
            }
            var sales = perMonth * 0.75m * growth * (decimal)r.Between(0.9, 1.1);
            writer.Write(new Spend { Id = id++, Month = month, Category = SpendCategory.Sales, Amount = Math.Round(sales) });
        }
    }

    private Quota Quota(long id, int? owner, int quarter, decimal amount) =>
        new() { Id = id, OwnerId = owner, PeriodStart = time.QuarterStart(quarter), PeriodEnd = time.QuarterEnd(quarter), Amount = amount };

    private ForecastSnapshot Snapshot(long id, DateTime taken, int quarter, decimal amount, int? owner) =>
        new() { Id = id, TakenAt = taken, PeriodStart = time.QuarterStart(quarter), PeriodEnd = time.QuarterEnd(quarter), Amount = amount, OwnerId = owner };

    private static decimal Thousands(decimal amount) => Math.Round(amount / 1000) * 1000;
}

using Bogus;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// Plans account after account, in order, with running id counters: every pass over the accounts (one per table on
/// PostgreSQL) rebuilds exactly the same plans, so nothing has to be kept in memory between passes.
/// </summary>
internal sealed class AccountPlanner(DemoSeedOptions options, DemoTimeline time, DemoPeople people)
{
    private readonly DemoDealPlanner _deals = new(options, time, people);
    private readonly Faker _names = new("en");
    private long _nextDeal = 1;
    private long _nextSubscription = 1;
    private bool _readyPlanted;

    public static int AccountCount(double scale) => Math.Max(DemoSituations.MinAccounts, (int)Math.Round(1500 * scale));

    public AccountPlan Plan(int index)
    {
        var r = DemoRandom.For(options.Seed, DemoStream.Account, index);
        var forced = DemoSituations.ForcedAt(index);
        var segment = DemoCatalog.Segments[r.PickIndex(DemoCatalog.SegmentWeights)];
        var region = r.PickIndex(DemoCatalog.RegionWeights);
        // Established customers bought before the two years of history; the rest are prospects of all ages.
        var established = forced == DemoSituation.AtRiskAccount || r.Chance(segment.EstablishedShare);
        var ageDays = established ? r.Between(800, 1800) : r.Chance(0.65) ? r.Between(731, 1400) : r.Between(20, 700);
        var createdAt = DemoTimeline.Seconds(time.Now.AddDays(-ageDays));
        var name = AccountName(index);
        var account = new Account
        {
            Id = DemoIds.Account(index + 1),
            Name = name,
            Domain = DemoText.Slug(name) + ".example",
            Industry = r.Pick(DemoCatalog.Industries),
            Segment = segment.Name,
            Region = DemoCatalog.Regions[region].Name,
            Country = r.Pick(DemoCatalog.Regions[region].Countries),
            Employees = (int)Math.Round(Math.Exp(r.Between(Math.Log(segment.MinEmployees), Math.Log(segment.MaxEmployees)))),
            OwnerId = people.RepIn(region, r),
            CreatedAt = createdAt,
        };
        var plan = new AccountPlan(index, account, segment, region);
        if (established)
        {
            plan.Subscriptions.Add(NewSubscription(account, DemoCatalog.Products[0].Name,
                (decimal)r.LogNormal(segment.MedianAmount, segment.AmountSigma) / 12, DemoTimeline.Day(createdAt.AddDays(r.Between(5, 60)))));
        }
        var isProtected = forced == DemoSituation.AtRiskAccount;
        AddDeals(plan, established, forced, isProtected, r);
        ChangeSubscriptions(plan, isProtected, r);
        if (plan.ActiveOn(time.AsOf.AddDays(-1)) && (isProtected || r.Chance(0.05)))
        {
            plan.AtRisk = true;
            plan.Deals.Add(_deals.AtRiskRenewal(plan, DemoIds.Deal(_nextDeal++), r));
        }
        plan.UsageFalling = plan.AtRisk || r.Chance(0.03);
        PlanExpansion(plan);
        foreach (var s in plan.Subscriptions) s.Id = DemoIds.Subscription(_nextSubscription++);
        return plan;
    }

    /// <summary>
    /// Seats paid for follow MRR at the account's price per seat (the one its usage rows use), and a few healthy
    /// customers without an open expansion deal grow past them (always the first such customer, so even a tiny company
    /// has one). Its own random stream, so every other row of the demo stays as it was.
    /// </summary>
    private void PlanExpansion(AccountPlan plan)
    {
        var seatPrice = (decimal)UsageRows.SeatPrice(options, plan.Index);
        foreach (var s in plan.Subscriptions) s.Seats = Math.Max(1, (int)Math.Round(s.Mrr / seatPrice));
        var r = DemoRandom.For(options.Seed, DemoStream.Expansion, plan.Index);
        var chance = r.Chance(0.03);
        if (plan.AtRisk || plan.UsageFalling || !plan.ActiveOn(time.AsOf) || (_readyPlanted && !chance)) return;
        if (plan.Deals.Any(d => d.Deal.Status == DealStatus.Open && d.Deal.Type == DealType.Expansion)) return;
        plan.ReadyToExpand = true;
        _readyPlanted = true;
    }

    private void AddDeals(AccountPlan plan, bool established, DemoSituation forced, bool isProtected, Randomizer r)
    {
        var from = plan.Account.CreatedAt!.Value.AddDays(1);
        if (from < time.HistoryStart) from = time.HistoryStart;
        var to = time.Now.AddHours(-1);
        var forcedDeal = forced is DemoSituation.StuckDeal or DemoSituation.SilentDeal or DemoSituation.PastCloseDate ? forced : DemoSituation.None;
        var share = Math.Max(0, (to - from).TotalDays / DemoTimeline.HistoryDays);
        var count = (int)Math.Round(plan.Segment.MeanDeals * share * r.Between(0.3, 1.7));
        if (!established && r.Chance(0.08)) count = 0;
        if (forcedDeal != DemoSituation.None) count = Math.Max(count, 1);
        if (count == 0) return;

        var created = new DateTime[count];
        for (var i = 0; i < count; i++) created[i] = GrowingTime(from, to, r);
        Array.Sort(created);
        for (var i = 0; i < count; i++)
        {
            var situation = i == count - 1 && forcedDeal != DemoSituation.None ? forcedDeal
                : isProtected ? DemoSituation.AtRiskAccount : DemoSituation.None;
            var deal = _deals.Plan(plan, DemoIds.Deal(_nextDeal++), created[i], situation, r);
            plan.Deals.Add(deal);
            var d = deal.Deal;
            if (d.Status == DealStatus.Won && d.Type != DealType.Renewal)
                plan.Subscriptions.Add(NewSubscription(plan.Account, d.Product!, d.Amount / 12, d.CloseDate!.Value));
            else if (d.Status == DealStatus.Lost && d.Type == DealType.Renewal && !isProtected)
                plan.Churn(d.CloseDate!.Value);
        }
    }

    /// <summary>Some customers leave, some shrink (a subscription ends and a smaller one replaces it).</summary>
    private void ChangeSubscriptions(AccountPlan plan, bool isProtected, Randomizer r)
    {
        var subs = plan.Subscriptions;
        var lastDay = time.AsOf.AddDays(-1);
        if (subs.Count > 0 && r.Chance(0.06) && !isProtected)
        {
            var from = subs.Max(s => s.StartDate).AddDays(90);
            if (from < lastDay) plan.Churn(from.AddDays(r.Int(0, lastDay.DayNumber - from.DayNumber)));
        }
        var count = subs.Count;
        for (var i = 0; i < count; i++)
        {
            var s = subs[i];
            if (!r.Chance(0.07)) continue;
            var lo = s.StartDate.AddDays(60);
            var hi = s.EndDate is { } end && end < lastDay ? end.AddDays(-1) : lastDay;
            if (lo >= hi) continue;
            var day = lo.AddDays(r.Int(0, hi.DayNumber - lo.DayNumber));
            var smaller = NewSubscription(plan.Account, s.Product!, s.Mrr * (decimal)r.Between(0.4, 0.8), day);
            smaller.EndDate = s.EndDate;
            s.EndDate = day;
            subs.Add(smaller);
        }
    }

    private static Subscription NewSubscription(Account account, string product, decimal mrr, DateOnly start) =>
        new() { Id = "", AccountId = account.Id, Product = product, Mrr = Math.Round(mrr, 2), StartDate = start };

    /// <summary>A moment in [from, to) with ~60% more deals at the end than at the start: the company grows.</summary>
    private static DateTime GrowingTime(DateTime from, DateTime to, Randomizer r)
    {
        const double growth = 0.6;
        var x = (-1 + Math.Sqrt(1 + (growth * (2 + growth) * r.Double()))) / growth;
        return from + ((to - from) * x);
    }

    private string AccountName(int index)
    {
        _names.Random = DemoRandom.For(options.Seed, DemoStream.AccountName, index);
        var n = _names.Name;
        return _names.Random.Int(0, 3) switch
        {
            0 => $"{n.LastName()} {_names.Company.CompanySuffix()}",
            1 => $"{n.LastName()} {_names.Random.ArrayElement(DemoCatalog.IndustryWords)}",
            2 => $"{n.LastName()} & {n.LastName()}",
            _ => $"{n.LastName()}-{n.LastName()} {_names.Random.ArrayElement(DemoCatalog.IndustryWords)}",
        };
    }
}

using Bogus;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// Calls, emails and meetings on each deal from creation to close (or to today for open deals, which have had a recent
/// touch unless they went quiet), and customer success check-ins on accounts that are customers. Each deal gets its
/// latest activity (<see cref="Deal.LastActivityAt"/>), which the activities' trigger keeps and the load suspends.
/// </summary>
internal sealed class ActivityRows(DemoSeedOptions options, DemoTimeline time, DemoPeople people)
{
    private readonly List<DateTime> _times = [];
    private long _next = 1;

    public List<Activity> Rows(AccountPlan plan)
    {
        var r = DemoRandom.For(options.Seed, DemoStream.Activities, plan.Index);
        var region = DemoCatalog.Regions[plan.Region];
        var rows = new List<Activity>();
        foreach (var deal in plan.Deals) WriteDeal(deal, region, r, rows);
        WriteSuccess(plan, region, r, rows);
        return rows;
    }

    private void WriteDeal(DealPlan plan, DemoRegion region, Randomizer r, List<Activity> rows)
    {
        var deal = plan.Deal;
        var start = plan.CreatedAt;
        var end = deal.ClosedAt ?? plan.SilentSince ?? time.Now;
        var days = (end - start).TotalDays;
        var count = Math.Clamp((int)(days / r.Between(5, 12)) + 1, 1, 15);
        _times.Clear();
        _times.Add(start.AddHours(r.Between(0, Math.Min(24, days * 24))));
        for (var i = 1; i < count; i++) _times.Add(WorkHours(start + ((end - start) * r.Double()), region, start, end, r));
        if (plan.SilentSince is { } since)
        {
            var lastTouch = since.AddDays(-r.Between(0, 2));
            _times.Add(lastTouch > start ? lastTouch : start);
        }
        else if (deal.Status == DealStatus.Open)
        {
            var lastTouch = time.Now.AddDays(-r.Between(0.1, 9));
            if (lastTouch > start) _times.Add(lastTouch);
        }
        _times.Sort();
        deal.LastActivityAt = DemoTimeline.Seconds(_times[^1]);
        foreach (var t in _times)
        {
            var type = (ActivityType)r.PickIndex(DemoCatalog.ActivityTypeWeights);
            rows.Add(new Activity
            {
                Id = DemoIds.Activity(_next++),
                Type = type,
                OccurredAt = DemoTimeline.Seconds(t),
                DealId = deal.Id,
                AccountId = deal.AccountId,
                UserId = deal.OwnerId,
                Subject = r.Pick(DemoCatalog.ActivitySubjects[(int)type]),
            });
        }
    }

    private void WriteSuccess(AccountPlan plan, DemoRegion region, Randomizer r, List<Activity> rows)
    {
        var from = time.Now.AddDays(-365);
        if (!plan.ActiveBetween(DemoTimeline.Day(from), time.AsOf)) return;
        var manager = people.SuccessManagerFor(plan.Index);
        for (var t = from.AddDays(r.Between(0, 60)); t < time.Now; t = t.AddDays(r.Between(30, 80)))
        {
            if (!plan.ActiveOn(DemoTimeline.Day(t))) continue;
            rows.Add(new Activity
            {
                Id = DemoIds.Activity(_next++),
                Type = r.Chance(0.5) ? ActivityType.Meeting : r.Chance(0.6) ? ActivityType.Call : ActivityType.Email,
                OccurredAt = DemoTimeline.Seconds(WorkHours(t, region, from, time.Now, r)),
                AccountId = plan.Account.Id,
                UserId = manager,
                Subject = r.Pick(DemoCatalog.SuccessSubjects),
            });
        }
    }

    /// <summary>The same day, during the region's working hours, when that still falls inside [from, to].</summary>
    private static DateTime WorkHours(DateTime t, DemoRegion region, DateTime from, DateTime to, Randomizer r)
    {
        var moved = t.Date.AddHours(region.WorkStartUtcHour + r.Between(0, 9));
        return moved >= from && moved <= to ? moved : t;
    }
}

using Bogus;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>Support tickets of paying accounts over the last year; accounts at risk also get recent urgent ones.</summary>
internal sealed class TicketRows(DemoSeedOptions options, DemoTimeline time)
{
    private static readonly double[] PriorityWeights = [0.35, 0.40, 0.18, 0.07];
    private static readonly double[] MedianHoursToResolve = [120, 60, 24, 6];

    private long _next = 1;

    public void Write(AccountPlan plan, IRowWriter<SupportTicket> writer)
    {
        var from = time.Now.AddDays(-365);
        if (!plan.ActiveBetween(DemoTimeline.Day(from), time.AsOf)) return;
        var r = DemoRandom.For(options.Seed, DemoStream.Tickets, plan.Index);
        var perDay = plan.Segment.TicketsPerYear / 365;
        for (var t = from.AddDays(r.Exponential(perDay)); t < time.Now; t = t.AddDays(r.Exponential(perDay)))
        {
            if (plan.ActiveOn(DemoTimeline.Day(t)))
                writer.Write(Ticket(plan, t, (TicketPriority)r.PickIndex(PriorityWeights), false, r));
        }
        if (!plan.AtRisk) return;
        var recent = r.Int(1, 3);
        for (var i = 0; i < recent; i++)
        {
            var priority = i == 0 || r.Chance(0.5) ? TicketPriority.Urgent : TicketPriority.High;
            writer.Write(Ticket(plan, time.Now.AddDays(-r.Between(1, 28)), priority, true, r));
        }
    }

    private SupportTicket Ticket(AccountPlan plan, DateTime openedAt, TicketPriority priority, bool atRisk, Randomizer r)
    {
        var hours = r.LogNormal(MedianHoursToResolve[(int)priority], 0.8);
        DateTime? closedAt = openedAt.AddHours(hours);
        if (closedAt >= time.Now || (atRisk && r.Chance(0.5))) closedAt = null;
        int? satisfaction = null;
        if (closedAt is not null && r.Chance(0.6))
            satisfaction = (int)Math.Clamp(Math.Round(4.4 - (hours / 200) - (atRisk ? 2 : 0) + (0.7 * r.Normal())), 1, 5);
        return new SupportTicket
        {
            Id = DemoIds.Ticket(_next++),
            AccountId = plan.Account.Id,
            OpenedAt = DemoTimeline.Seconds(openedAt),
            ClosedAt = closedAt is { } c ? DemoTimeline.Seconds(c) : null,
            Priority = priority,
            Satisfaction = satisfaction,
        };
    }
}

using Bogus;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// Each deal's amount and close-date history (deal_history), as the trigger would have written it had the company
/// used RevBot all along: the close date first expected, the pushes while the deal was open (each when the expected
/// day came near, two to six weeks later), a first amount that some deals revised, and the close day set when a
/// deal closed. Lost deals slip more often than won ones, so pushes carry signal for the forecast to learn. Drawn
/// from their own random stream, so adding them changed no other row of the demo company.
/// </summary>
internal sealed class DealHistoryRows(DemoSeedOptions options, DemoTimeline time)
{
    private long _next = 1;

    /// <summary>
    /// The account's deals' rows, in the order they are written; each deal's <see cref="Deal.ClosePushes"/> is set to
    /// its latest row's push count, as the database's trigger would keep it (the load suspends the triggers).
    /// </summary>
    public List<DealHistoryEntry> Rows(AccountPlan plan)
    {
        var r = DemoRandom.For(options.Seed, DemoStream.DealHistory, plan.Index);
        var rows = new List<DealHistoryEntry>();
        foreach (var deal in plan.Deals)
        {
            var first = rows.Count;
            Write(deal, r, rows);
            deal.Deal.ClosePushes = rows.Skip(first).MaxBy(h => (h.At, h.Id))?.Pushes;
        }
        return rows;
    }

    private void Write(DealPlan plan, Randomizer r, List<DealHistoryEntry> writer)
    {
        var deal = plan.Deal;
        // The same draws for every deal, whatever is used, so each deal's history depends only on its position.
        var (slip, second, third, early, revised, factor) = (r.Double(), r.Double(), r.Double(), r.Int(-5, 20), r.Double(), r.Between(0.8, 1.25));
        var steps = new[] { r.Int(14, 45), r.Int(14, 45), r.Int(14, 45) };
        var leads = new[] { r.Between(0, 10), r.Between(0, 10), r.Between(0, 10) };
        var created = plan.CreatedAt;
        var end = deal.ClosedAt ?? time.Now;
        var final = deal.CloseDate ?? DemoTimeline.Day(end);
        var slipped = slip < (deal.Status == DealStatus.Lost ? 0.6 : deal.Status == DealStatus.Won ? 0.35 : 0.4);
        var pushes = slipped ? 1 + (second < 0.45 ? 1 : 0) + (third < 0.3 ? 1 : 0) : 0;
        // The last expected day before the close (closed deals land a little before or after it), back through the pushes.
        var last = deal.ClosedAt is null ? final : final.AddDays(early);
        var days = new List<DateOnly> { last };
        for (var i = 0; i < pushes && days[0].AddDays(-steps[i]) > DemoTimeline.Day(created).AddDays(7); i++) days.Insert(0, days[0].AddDays(-steps[i]));
        var amount = deal.Amount;
        var first = revised < 0.25 ? DemoDealPlanner.RoundAmount((double)amount * factor) : amount;
        writer.Add(Row(deal.Id, created, first, days[0], 0));
        var at = created;
        var pushed = 0;
        for (var i = 1; i < days.Count; i++)
        {
            // Pushed when the expected day came near, never before the last change nor after the deal closed (or today).
            var when = days[i - 1].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-leads[i - 1]);
            if (when <= at) when = at.AddHours(12);
            if (when >= end) break;
            at = DemoTimeline.Seconds(when);
            writer.Add(Row(deal.Id, at, amount, days[i], ++pushed));
        }
        var current = pushed == 0 ? days[0] : days[pushed];
        if (current != final || (pushed == 0 && first != amount))
            writer.Add(Row(deal.Id, deal.ClosedAt ?? DemoTimeline.Seconds(at.AddHours(1) < end ? at.AddHours(1) : end), amount, final, pushed + (final > current ? 1 : 0)));
    }

    private DealHistoryEntry Row(string dealId, DateTime at, decimal amount, DateOnly closeDate, int pushes) =>
        new() { Id = _next++, DealId = dealId, At = at, Amount = amount, CloseDate = closeDate, Pushes = pushes };
}

using System.Globalization;
using Bogus;
using RevBot.Core.Deals;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// Changes reps made to open deals, as deal updates record them in the audit log (<c>{"closeDate": [old, new]}</c>,
/// <c>{"amount": [old, new]}</c>): some close dates pushed again and again, some amounts cut. The stalled-deal alerts
/// read these. Drawn from their own random stream, so adding them changed no other row of the demo company.
/// </summary>
internal sealed class AuditRows(DemoSeedOptions options, DemoTimeline time)
{
    private static readonly ChangeChannel[] Channels = [ChangeChannel.Api, ChangeChannel.Slack, ChangeChannel.Teams];

    private long _next = 1;

    public void Write(AccountPlan plan, IRowWriter<AuditEntry> writer)
    {
        var r = DemoRandom.For(options.Seed, DemoStream.Audit, plan.Index);
        var forced = DemoSituations.ForcedAt(plan.Index);
        foreach (var deal in plan.Deals)
        {
            var d = deal.Deal;
            // The same draws for every open deal, whatever is used, so each deal's changes depend only on its position.
            var (pushChance, pushes, cutChance) = (r.Double(), r.Int(1, 5), r.Double());
            if (d.Status != DealStatus.Open || d.CloseDate is null || (time.Now - deal.CreatedAt).TotalDays < 10) continue;
            if (forced == DemoSituation.StuckDeal) pushes = Math.Max(pushes, 3);
            if (forced == DemoSituation.StuckDeal || pushChance < 0.12) PushCloseDate(deal, pushes, r, writer);
            if (forced == DemoSituation.PastCloseDate || cutChance < 0.06) CutAmount(deal, forced == DemoSituation.PastCloseDate, r, writer);
        }
    }

    /// <summary>The current close date is the last of <paramref name="count"/> pushes, each a week to six weeks later than the one before.</summary>
    private void PushCloseDate(DealPlan deal, int count, Randomizer r, IRowWriter<AuditEntry> writer)
    {
        var at = new DateTime[count];
        for (var i = 0; i < count; i++) at[i] = deal.CreatedAt + ((time.Now.AddDays(-1) - deal.CreatedAt) * r.Between(0.05, 1));
        Array.Sort(at);
        var days = new DateOnly[count + 1];
        days[count] = deal.Deal.CloseDate!.Value;
        for (var i = count - 1; i >= 0; i--) days[i] = days[i + 1].AddDays(-r.Int(7, 45));
        for (var i = 0; i < count; i++)
            writer.Write(Entry(deal, at[i], r, string.Create(CultureInfo.InvariantCulture, $"{{\"{DealFields.CloseDate}\":[\"{days[i]:yyyy-MM-dd}\",\"{days[i + 1]:yyyy-MM-dd}\"]}}")));
    }

    /// <summary>A cut of 10-50% somewhere in the last six weeks (when forced, 30% or more within 25 days); the deal's amount is what is left.</summary>
    private void CutAmount(DealPlan deal, bool large, Randomizer r, IRowWriter<AuditEntry> writer)
    {
        var cut = large ? r.Between(0.3, 0.5) : r.Between(0.1, 0.5);
        var before = DemoDealPlanner.RoundAmount((double)deal.Deal.Amount / (1 - cut));
        var at = time.Now.AddDays(-r.Between(1, Math.Min(large ? 25 : 42, (time.Now - deal.CreatedAt).TotalDays - 1)));
        writer.Write(Entry(deal, at, r, string.Create(CultureInfo.InvariantCulture, $"{{\"{DealFields.Amount}\":[{before},{deal.Deal.Amount}]}}")));
    }

    private AuditEntry Entry(DealPlan deal, DateTime at, Randomizer r, string changes) => new()
    {
        Id = _next++,
        At = DemoTimeline.Seconds(at),
        UserId = deal.Deal.OwnerId,
        Channel = r.Pick(Channels),
        Entity = "deal",
        EntityId = deal.Deal.Id,
        Action = "update",
        Changes = changes,
    };
}

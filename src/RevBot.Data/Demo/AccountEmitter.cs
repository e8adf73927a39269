using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>Turns an account's plan into rows for every table the sink asks for, with the running ids of each table.</summary>
internal sealed class AccountEmitter(DemoSeedOptions options, DemoTimeline time, DemoPeople people, DemoTotals totals)
{
    private readonly IReadOnlyList<Core.Company.StageDefinition> _stages = options.Company.EffectiveStages;
    private readonly ContactRows _contacts = new(options, time);
    private readonly ActivityRows _activities = new(options, time, people);
    private readonly UsageRows _usage = new(options, time);
    private readonly TicketRows _tickets = new(options, time);
    private readonly AuditRows _audit = new(options, time);
    private readonly DealHistoryRows _dealHistory = new(options, time);
    private long _nextStageChange = 1;

    public void Emit(AccountPlan plan, DemoSink sink)
    {
        sink.Accounts?.Write(plan.Account);
        if (sink.Contacts is { } contacts) _contacts.Write(plan, contacts);
        // The histories come first: each deal carries what the history tables' triggers keep on it (suspended by the load).
        var dealHistoryRows = sink.DealHistory is null ? null : _dealHistory.Rows(plan);
        var stageRows = sink.StageHistory is null ? null : StageRows(plan);
        var activityRows = sink.Activities is null ? null : _activities.Rows(plan);
        if (sink.Deals is { } deals)
        {
            foreach (var deal in plan.Deals)
            {
                deals.Write(deal.Deal);
                totals.Add(deal.Deal);
            }
        }
        if (sink.StageHistory is { } history)
            foreach (var row in stageRows!) history.Write(row);
        if (sink.DealHistory is { } dealHistory)
            foreach (var row in dealHistoryRows!) dealHistory.Write(row);
        if (sink.Activities is { } activities)
            foreach (var row in activityRows!) activities.Write(row);
        if (sink.Subscriptions is { } subscriptions)
            foreach (var s in plan.Subscriptions) subscriptions.Write(s);
        if (sink.Usage is { } usage) _usage.Write(plan, usage);
        if (sink.Tickets is { } tickets) _tickets.Write(plan, tickets);
        if (sink.Audit is { } audit) _audit.Write(plan, audit);
    }

    /// <summary>The account's deals' stage history; each deal's <see cref="Deal.StageEnteredAt"/> is set to its latest entry.</summary>
    private List<DealStageChange> StageRows(AccountPlan plan)
    {
        var rows = new List<DealStageChange>();
        foreach (var deal in plan.Deals)
        {
            var id = deal.Deal.Id;
            var entries = deal.StageEntries.Select((at, i) => (Stage: _stages[i].Name, At: at)).ToList();
            if (deal.Deal.ClosedAt is { } closedAt) entries.Add((deal.Deal.Stage, closedAt));
            // The load suspends the trigger that keeps left_at, so rows carry it already: the next strictly later entry.
            foreach (var (stage, at) in entries)
            {
                var leftAt = entries.Where(e => e.At > at).Select(e => (DateTime?)e.At).Min();
                rows.Add(new DealStageChange { Id = _nextStageChange++, DealId = id, Stage = stage, EnteredAt = at, LeftAt = leftAt });
            }
            deal.Deal.StageEnteredAt = entries.Count == 0 ? null : entries.Max(e => e.At);
            deal.Deal.CurrentStageEnteredAt = entries.Where(e => e.Stage == deal.Deal.Stage).Select(e => (DateTime?)e.At).Max();
        }
        return rows;
    }
}

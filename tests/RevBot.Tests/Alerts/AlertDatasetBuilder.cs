using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts;

/// <summary>Adds the rows of <see cref="AlertDataset"/>; times are given as days before its noon "now".</summary>
internal sealed class AlertDatasetBuilder(RevBotDb db, User owner)
{
    private int _next;

    private string Id(string prefix) => $"{prefix}-{++_next}";

    /// <summary>A closed deal that entered each stage that many days ago; the last stage closes it.</summary>
    public void History(string id, params (string Stage, double DaysAgo)[] stages)
    {
        var closed = Ago(stages[^1].DaysAgo);
        db.Deals.Add(new Deal
        {
            Id = id, Name = id, Owner = owner, Amount = 1_000m, Stage = stages[^1].Stage,
            Status = stages[^1].Stage == "Closed Won" ? DealStatus.Won : DealStatus.Lost,
            CreatedAt = Ago(stages[0].DaysAgo), ClosedAt = closed, CloseDate = DateOnly.FromDateTime(closed),
        });
        foreach (var (stage, days) in stages) db.DealStageHistory.Add(new DealStageChange { DealId = id, Stage = stage, EnteredAt = Ago(days) });
    }

    /// <summary>An open deal with one stage entry and (unless null) one activity logged against the deal only.</summary>
    public void Open(string id, Account account, decimal amount, string stage, double inStageDays = 5, double? createdDays = null,
        double? lastActivityDays = 1, DateOnly? closeDate = null, bool noOwner = false, DealType type = DealType.New)
    {
        db.Deals.Add(new Deal
        {
            Id = id, Name = $"{account.Name} {id}", Account = account, Owner = noOwner ? null : owner, Amount = amount, Stage = stage,
            Status = DealStatus.Open, Type = type, CreatedAt = Ago(createdDays ?? inStageDays), CloseDate = closeDate ?? AsOf.AddDays(30),
        });
        db.DealStageHistory.Add(new DealStageChange { DealId = id, Stage = stage, EnteredAt = Ago(inStageDays) });
        if (lastActivityDays is { } days)
            db.Activities.Add(new Activity { Id = Id("act"), Type = ActivityType.Call, OccurredAt = Ago(days), DealId = id, UserId = owner.Id });
    }

    public void Closed(string id, Account account, decimal amount) => db.Deals.Add(new Deal
    {
        Id = id, Name = id, Account = account, Owner = owner, Amount = amount, Stage = "Closed Won", Status = DealStatus.Won,
        CreatedAt = Ago(150), ClosedAt = Ago(100), CloseDate = AsOf.AddDays(-100),
    });

    /// <summary>An audit entry exactly as a deal update from chat writes it.</summary>
    public void Changes(string dealId, double daysAgo, params DealFieldChange[] changes) =>
        db.AuditLog.Add(DealAudit.Entry(dealId, owner.Id, ChangeChannel.Slack, "update", changes, version: null, Ago(daysAgo)));

    public static DealFieldChange CloseDate(string from, string to) => new(DealFields.CloseDate, from, to);

    public static DealFieldChange Amount(decimal from, decimal to) => new(DealFields.Amount, from, to);

    /// <summary>
    /// An account paying <paramref name="mrr"/> since 2025 (until <paramref name="endsOn"/>; or, with
    /// <paramref name="shrinksTo"/>, less from 30 days ago), with an account activity two days ago unless told otherwise.
    /// </summary>
    public Account Customer(string id, string name, User accountOwner, bool recentActivity = true, DateOnly? endsOn = null, decimal mrr = 1_000m, decimal? shrinksTo = null)
    {
        var account = new Account { Id = id, Name = name, Owner = accountOwner };
        db.Accounts.Add(account);
        var start = new DateOnly(2025, 1, 1);
        var change = AsOf.AddDays(-30);
        db.Subscriptions.Add(new Subscription { Id = Id("sub"), AccountId = id, Product = "Platform", Mrr = mrr, StartDate = start, EndDate = shrinksTo is null ? endsOn : change });
        if (shrinksTo is { } smaller) db.Subscriptions.Add(new Subscription { Id = Id("sub"), AccountId = id, Product = "Platform", Mrr = smaller, StartDate = change });
        if (recentActivity) AccountActivity(account, accountOwner, 2);
        return account;
    }

    public void AccountActivity(Account account, User user, double daysAgo) =>
        db.Activities.Add(new Activity { Id = Id("act"), Type = ActivityType.Meeting, OccurredAt = Ago(daysAgo), AccountId = account.Id, UserId = user.Id });

    /// <summary>One usage day in each 30-day window: 1 May (the 30 days before) and 1 June (the last 30 days).</summary>
    public void Usage(Account account, int usersBefore, int eventsBefore, int usersNow, int eventsNow)
    {
        db.Usage.Add(new ProductUsage { AccountId = account.Id, Date = new DateOnly(2026, 5, 1), ActiveUsers = usersBefore, Events = eventsBefore });
        db.Usage.Add(new ProductUsage { AccountId = account.Id, Date = new DateOnly(2026, 6, 1), ActiveUsers = usersNow, Events = eventsNow });
    }

    public void Ticket(Account account, TicketPriority priority, double openedDays, double? closedDays = null, int? satisfaction = null) =>
        db.Tickets.Add(new SupportTicket
        {
            Id = Id("tkt"), AccountId = account.Id, Priority = priority, OpenedAt = Ago(openedDays),
            ClosedAt = closedDays is { } c ? Ago(c) : null, Satisfaction = satisfaction,
        });
}

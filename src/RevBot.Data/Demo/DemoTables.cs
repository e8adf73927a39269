using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>The bulk-loaded tables, with the column names of the Initial migrations (a test checks them against the EF model).</summary>
internal static class DemoTables
{
    public static readonly BulkTable<Account> Accounts = new BulkTable<Account>("accounts")
        .Text("id", a => a.Id).Text("name", a => a.Name).Text("domain", a => a.Domain).Text("industry", a => a.Industry)
        .Text("segment", a => a.Segment).Text("region", a => a.Region).Text("country", a => a.Country)
        .Int("employees", a => a.Employees).Int("owner_id", a => a.OwnerId).Timestamp("created_at", a => a.CreatedAt);

    public static readonly BulkTable<Contact> Contacts = new BulkTable<Contact>("contacts")
        .Text("id", c => c.Id).Text("account_id", c => c.AccountId).Text("first_name", c => c.FirstName)
        .Text("last_name", c => c.LastName).Text("email", c => c.Email).Text("title", c => c.Title)
        .Text("phone", c => c.Phone).Timestamp("created_at", c => c.CreatedAt);

    public static readonly BulkTable<Deal> Deals = new BulkTable<Deal>("deals")
        .Text("id", d => d.Id).Text("name", d => d.Name).Text("account_id", d => d.AccountId).Int("owner_id", d => d.OwnerId)
        .Money("amount", d => d.Amount).Text("currency", d => d.Currency).Text("stage", d => d.Stage)
        .Enum("status", d => (DealStatus?)d.Status).Enum("type", d => (DealType?)d.Type).Text("product", d => d.Product)
        .Text("source", d => d.Source).Timestamp("created_at", d => d.CreatedAt).Date("close_date", d => d.CloseDate)
        .Timestamp("closed_at", d => d.ClosedAt).Text("loss_reason", d => d.LossReason)
        .Enum("forecast_category", d => d.ForecastCategory).Int("probability", d => d.Probability)
        .Text("next_step", d => d.NextStep).Timestamp("source_modified_at", d => d.SourceModifiedAt).Int("version", d => d.Version)
        .Money("discount", d => d.Discount).Int("close_pushes", d => d.ClosePushes).Timestamp("stage_entered_at", d => d.StageEnteredAt)
        .Timestamp("current_stage_entered_at", d => d.CurrentStageEnteredAt).Timestamp("last_activity_at", d => d.LastActivityAt);

    public static readonly BulkTable<DealStageChange> StageHistory = new BulkTable<DealStageChange>("deal_stage_history")
        .Long("id", h => h.Id).Text("deal_id", h => h.DealId).Text("stage", h => h.Stage).Timestamp("entered_at", h => h.EnteredAt)
        .Timestamp("left_at", h => h.LeftAt);

    public static readonly BulkTable<DealHistoryEntry> DealHistory = new BulkTable<DealHistoryEntry>("deal_history")
        .Long("id", h => h.Id).Text("deal_id", h => h.DealId).Timestamp("at", h => h.At).Money("amount", h => h.Amount)
        .Date("close_date", h => h.CloseDate).Int("pushes", h => h.Pushes);

    public static readonly BulkTable<Activity> Activities = new BulkTable<Activity>("activities")
        .Text("id", a => a.Id).Enum("type", a => (ActivityType?)a.Type).Timestamp("occurred_at", a => a.OccurredAt)
        .Text("deal_id", a => a.DealId).Text("account_id", a => a.AccountId).Int("user_id", a => a.UserId)
        .Text("subject", a => a.Subject);

    public static readonly BulkTable<Subscription> Subscriptions = new BulkTable<Subscription>("subscriptions")
        .Text("id", s => s.Id).Text("account_id", s => s.AccountId).Text("product", s => s.Product).Money("mrr", s => s.Mrr)
        .Date("start_date", s => s.StartDate).Date("end_date", s => s.EndDate).Int("seats", s => s.Seats);

    public static readonly BulkTable<ProductUsage> Usage = new BulkTable<ProductUsage>("usage")
        .Text("account_id", u => u.AccountId).Date("date", u => u.Date).Int("active_users", u => u.ActiveUsers)
        .Int("events", u => u.Events);

    public static readonly BulkTable<SupportTicket> Tickets = new BulkTable<SupportTicket>("tickets")
        .Text("id", t => t.Id).Text("account_id", t => t.AccountId).Timestamp("opened_at", t => t.OpenedAt)
        .Timestamp("closed_at", t => t.ClosedAt).Enum("priority", t => t.Priority).Int("satisfaction", t => t.Satisfaction);

    public static readonly BulkTable<AuditEntry> Audit = new BulkTable<AuditEntry>("audit_log")
        .Long("id", a => a.Id).Timestamp("at", a => a.At).Int("user_id", a => a.UserId).Enum("channel", a => (ChangeChannel?)a.Channel)
        .Text("entity", a => a.Entity).Text("entity_id", a => a.EntityId).Text("action", a => a.Action).Text("changes", a => a.Changes).Int("version", a => a.Version);

    public static readonly BulkTable<Spend> Spend = new BulkTable<Spend>("spend")
        .Long("id", s => s.Id).Date("month", s => s.Month).Enum("category", s => (SpendCategory?)s.Category)
        .Money("amount", s => s.Amount).Text("channel", s => s.Channel);

    public static readonly BulkTable<Quota> Quotas = new BulkTable<Quota>("quotas")
        .Long("id", q => q.Id).Int("owner_id", q => q.OwnerId).Date("period_start", q => q.PeriodStart)
        .Date("period_end", q => q.PeriodEnd).Money("amount", q => q.Amount);

    public static readonly BulkTable<ForecastSnapshot> Forecasts = new BulkTable<ForecastSnapshot>("forecast_snapshots")
        .Long("id", f => f.Id).Timestamp("taken_at", f => f.TakenAt).Date("period_start", f => f.PeriodStart)
        .Date("period_end", f => f.PeriodEnd).Money("amount", f => f.Amount).Int("owner_id", f => f.OwnerId)
        // The demo's snapshots are imported-style forecasts; the weekly call's columns stay empty.
        .Text("kind", f => f.Kind).Text("team", f => f.Team).Int("submitted_by_id", f => f.SubmittedById).Long("call_id", f => f.CallId);

    /// <summary>Every bulk-loaded table, parents before children.</summary>
    public static readonly string[] Loaded =
    [
        Accounts.Name, Contacts.Name, Deals.Name, StageHistory.Name, DealHistory.Name, Activities.Name, Subscriptions.Name, Usage.Name,
        Tickets.Name, Audit.Name, Spend.Name, Quotas.Name, Forecasts.Name,
    ];

    /// <summary>
    /// Rows are generated account by account and deal by deal, so indexes led by these columns grow in order: SQLite
    /// keeps them during its load (PostgreSQL rebuilds every secondary index, <see cref="PostgresLoadScope"/>).
    /// </summary>
    public static readonly string[] LoadOrderColumns = ["account_id", "deal_id"];

    /// <summary>Tables with generated ids that the seeder fills explicitly; PostgreSQL's sequences must be moved past them.</summary>
    public static readonly string[] IdentityTables = ["users", "deal_stage_history", "deal_history", "audit_log", "spend", "quotas", "forecast_snapshots"];
}

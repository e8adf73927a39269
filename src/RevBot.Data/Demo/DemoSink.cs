using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>Where generated rows go; a table left null is not generated at all in this pass.</summary>
internal sealed class DemoSink
{
    public IRowWriter<Account>? Accounts { get; init; }
    public IRowWriter<Contact>? Contacts { get; init; }
    public IRowWriter<Deal>? Deals { get; init; }
    public IRowWriter<DealStageChange>? StageHistory { get; init; }
    public IRowWriter<DealHistoryEntry>? DealHistory { get; init; }
    public IRowWriter<Activity>? Activities { get; init; }
    public IRowWriter<Subscription>? Subscriptions { get; init; }
    public IRowWriter<ProductUsage>? Usage { get; init; }
    public IRowWriter<SupportTicket>? Tickets { get; init; }
    public IRowWriter<AuditEntry>? Audit { get; init; }
    public IRowWriter<Spend>? Spend { get; init; }
    public IRowWriter<Quota>? Quotas { get; init; }
    public IRowWriter<ForecastSnapshot>? Forecasts { get; init; }
}

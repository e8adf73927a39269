using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

/// <summary>
/// The shared revenue database. Provider-specific subclasses (in RevBot.Data) own the migrations;
/// everything else in RevBot works against this type. The revenue tables are declared here; a feature's own tables
/// (outbox, alerts, digest schedules, hand-offs…) are declared beside it as extension properties on this type
/// (<c>db.Alerts</c> from <c>Alerts/AlertTables</c>), so storage names no feature, and their mappings are found by
/// scanning Core's assembly.
/// </summary>
public class RevBotDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealStageChange> DealStageHistory => Set<DealStageChange>();
    public DbSet<DealHistoryEntry> DealHistory => Set<DealHistoryEntry>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<ProductUsage> Usage => Set<ProductUsage>();
    public DbSet<SupportTicket> Tickets => Set<SupportTicket>();
    public DbSet<Spend> Spend => Set<Spend>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<ForecastSnapshot> ForecastSnapshots => Set<ForecastSnapshot>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<UserRole>().HaveConversion<EnumTextConverter<UserRole>>().HaveMaxLength(16);
        configurationBuilder.Properties<DealStatus>().HaveConversion<EnumTextConverter<DealStatus>>().HaveMaxLength(8);
        configurationBuilder.Properties<DealType>().HaveConversion<EnumTextConverter<DealType>>().HaveMaxLength(16);
        configurationBuilder.Properties<ForecastCategory>().HaveConversion<EnumTextConverter<ForecastCategory>>().HaveMaxLength(16);
        configurationBuilder.Properties<ActivityType>().HaveConversion<EnumTextConverter<ActivityType>>().HaveMaxLength(16);
        configurationBuilder.Properties<TicketPriority>().HaveConversion<EnumTextConverter<TicketPriority>>().HaveMaxLength(16);
        configurationBuilder.Properties<SpendCategory>().HaveConversion<EnumTextConverter<SpendCategory>>().HaveMaxLength(16);
        configurationBuilder.Properties<ChatPlatform>().HaveConversion<EnumTextConverter<ChatPlatform>>().HaveMaxLength(16);
        configurationBuilder.Properties<ChangeChannel>().HaveConversion<EnumTextConverter<ChangeChannel>>().HaveMaxLength(8);
        configurationBuilder.Properties<SourceSystem>().HaveConversion<EnumTextConverter<SourceSystem>>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RevBotDb).Assembly);
    }
}

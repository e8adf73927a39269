using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>The forecast call table on <see cref="RevBotDb"/> (<c>db.ForecastCalls</c>).</summary>
public static class ForecastCallTables
{
    extension(RevBotDb db)
    {
        public DbSet<ForecastCall> ForecastCalls => db.Set<ForecastCall>();
    }
}

internal sealed class ForecastCallConfiguration : IEntityTypeConfiguration<ForecastCall>
{
    public void Configure(EntityTypeBuilder<ForecastCall> b)
    {
        b.ToTable("forecast_calls");
        b.Property(c => c.Team).HasMaxLength(100);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        // A slot opens one call, however many instances try (they also claimed the slot first).
        b.HasIndex(c => new { c.ScheduleId, c.OpenedAt }).IsUnique();
        b.HasIndex(c => new { c.Team, c.OpenedAt });
        b.HasOne<DigestSubscription>().WithMany().HasForeignKey(c => c.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<ForecastSnapshot>().WithOne().HasForeignKey(f => f.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

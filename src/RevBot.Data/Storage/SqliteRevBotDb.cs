using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>The embedded SQLite flavour of the revenue database; owns the SQLite migrations.</summary>
public sealed class SqliteRevBotDb(DbContextOptions<SqliteRevBotDb> options) : RevBotDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // SQLite's RETURNING does not mix with the AFTER triggers that keep left_at (StageExits migration).
        modelBuilder.Entity<DealStageChange>().ToTable(t => t.UseSqlReturningClause(false));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no decimal type and cannot SUM/AVG/ORDER BY EF's TEXT decimals; REAL keeps the
        // aggregates in the database (money rounds to cents when shown). PostgreSQL keeps numeric(18,2).
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        // SQLite returns DateTime with Kind=Unspecified; everything we store is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

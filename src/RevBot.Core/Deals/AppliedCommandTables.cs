using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>The commands already applied, on <see cref="RevBotDb"/> (<c>db.AppliedCommands</c>): the replay record of <see cref="CommandGate"/>.</summary>
public static class AppliedCommandTables
{
    extension(RevBotDb db)
    {
        public DbSet<AppliedCommand> AppliedCommands => db.Set<AppliedCommand>();
    }
}

internal sealed class AppliedCommandConfiguration : IEntityTypeConfiguration<AppliedCommand>
{
    public void Configure(EntityTypeBuilder<AppliedCommand> b)
    {
        b.ToTable("applied_commands");
        // The primary key is the claim: a concurrent second delivery of the same key fails its insert and rolls back.
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(200);
        b.Property(c => c.Kind).HasMaxLength(32);
        b.Property(c => c.EntityId).HasMaxLength(200);
        b.HasIndex(c => c.AppliedAt);
    }
}

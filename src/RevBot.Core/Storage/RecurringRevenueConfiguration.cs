using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.AccountId).HasMaxLength(64);
        b.Property(s => s.Product).HasMaxLength(100);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.StartDate, s.EndDate });
        b.HasIndex(s => s.AccountId);
    }
}

internal sealed class ProductUsageConfiguration : IEntityTypeConfiguration<ProductUsage>
{
    public void Configure(EntityTypeBuilder<ProductUsage> b)
    {
        b.ToTable("usage");
        b.HasKey(u => new { u.AccountId, u.Date });
        b.Property(u => u.AccountId).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(u => u.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportTicketConfiguration : IEntityTypeConfiguration<SupportTicket>
{
    public void Configure(EntityTypeBuilder<SupportTicket> b)
    {
        b.ToTable("tickets");
        b.Property(t => t.Id).HasMaxLength(64);
        b.Property(t => t.AccountId).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.AccountId, t.OpenedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.Email).HasMaxLength(UserEmails.MaxLength);
        b.HasIndex(u => u.Email).IsUnique();
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Team).HasMaxLength(100);
        b.Property(u => u.Region).HasMaxLength(100);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.Property(u => u.SlackUserId).HasMaxLength(32);
        b.Property(u => u.TeamsUserId).HasMaxLength(200);
        b.Property(u => u.Language).HasMaxLength(16);
        b.Property(u => u.ChatLocale).HasMaxLength(32);
        b.HasIndex(u => u.SlackUserId);
        b.HasIndex(u => u.TeamsUserId);
        b.HasOne(u => u.Manager).WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.Id).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.Domain).HasMaxLength(255);
        b.Property(a => a.Industry).HasMaxLength(100);
        b.Property(a => a.Segment).HasMaxLength(100);
        b.Property(a => a.Region).HasMaxLength(100);
        b.Property(a => a.Country).HasMaxLength(100);
        b.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => a.Name);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Id).HasMaxLength(64);
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(50);
        b.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.Email);
    }
}

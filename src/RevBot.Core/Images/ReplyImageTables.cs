using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Storage;

namespace RevBot.Core.Images;

/// <summary>The stored reply images on <see cref="RevBotDb"/> (<c>db.ReplyImages</c>).</summary>
public static class ReplyImageTables
{
    extension(RevBotDb db)
    {
        public DbSet<ReplyImageRecord> ReplyImages => db.Set<ReplyImageRecord>();
    }
}

internal sealed class ReplyImageConfiguration : IEntityTypeConfiguration<ReplyImageRecord>
{
    public void Configure(EntityTypeBuilder<ReplyImageRecord> b)
    {
        b.ToTable("reply_images");
        b.HasKey(i => i.Token);
        b.Property(i => i.Token).HasMaxLength(64);
        b.Property(i => i.ContentType).HasMaxLength(64);
        b.HasIndex(i => i.ExpiresAt);
    }
}

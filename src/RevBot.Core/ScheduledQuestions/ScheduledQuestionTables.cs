using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>The scheduled-question table on <see cref="RevBotDb"/> (<c>db.ScheduledQuestions</c>).</summary>
public static class ScheduledQuestionTables
{
    extension(RevBotDb db)
    {
        public DbSet<ScheduledQuestion> ScheduledQuestions => db.Set<ScheduledQuestion>();
    }
}

internal sealed class ScheduledQuestionConfiguration : IEntityTypeConfiguration<ScheduledQuestion>
{
    public void Configure(EntityTypeBuilder<ScheduledQuestion> b)
    {
        b.ToTable("scheduled_questions");
        b.Property(q => q.Question).HasMaxLength(500);
        b.Property(q => q.AskedBy).HasMaxLength(300);
        b.Property(q => q.Platform).HasMaxLength(16);
        b.Property(q => q.ChannelId).HasMaxLength(300);
        b.Property(q => q.LastAnswerHash).HasMaxLength(64);
        // One question per schedule row; stopping keeps both (the schedule row inactive, with the reason).
        b.HasIndex(q => q.ScheduleId).IsUnique();
        b.HasIndex(q => q.AskedBy);
        b.HasIndex(q => new { q.Platform, q.ChannelId });
        b.HasOne<DigestSubscription>().WithMany().HasForeignKey(q => q.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(q => q.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

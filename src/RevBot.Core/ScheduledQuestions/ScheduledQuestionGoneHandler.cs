using Microsoft.EntityFrameworkCore;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>When a scheduled question could not be delivered because its channel or person is gone, its schedule stops, with the reason kept.</summary>
public sealed class ScheduledQuestionGoneHandler(RevBotDb db, TimeProvider time) : IOutboxGoneHandler
{
    public async Task OnGoneAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != ScheduledQuestionRunner.OutboxKind) return;
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await db.ScheduledQuestions.Where(q => q.Platform == message.Platform && q.ChannelId == message.ChannelId && q.RecipientUserId == message.RecipientUserId)
            .Select(q => q.ScheduleId).ToListAsync(ct);
        await db.DigestSchedules.Where(s => ids.Contains(s.Id) && s.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false).SetProperty(s => s.DisabledReason, "recipient gone (channel archived or person unknown)").SetProperty(s => s.UpdatedAt, now), ct);
    }
}

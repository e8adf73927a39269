using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>When a digest could not be delivered because its channel is gone (archived, bot removed), the channel's digest schedules stop, with the reason kept.</summary>
public sealed class DigestGoneHandler(RevBotDb db, TimeProvider time) : IOutboxGoneHandler
{
    public Task OnGoneAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != DigestPoster.OutboxKind || message.ChannelId.Length == 0) return Task.CompletedTask;
        var now = time.GetUtcNow().UtcDateTime;
        return db.DigestSchedules.Where(s => s.Platform == message.Platform && s.ChannelId == message.ChannelId && s.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false).SetProperty(s => s.DisabledReason, "channel gone (archived, deleted or RevBot removed)").SetProperty(s => s.UpdatedAt, now), ct);
    }
}

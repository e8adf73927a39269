using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// The outbox's depth for readiness checks and metrics: one aggregate over the partial index of rows still to send,
/// so it stays cheap however many rows were sent before. Scoped, like the context it uses.
/// </summary>
public sealed class OutboxMonitor(RevBotDb db, TimeProvider time)
{
    public async Task<OutboxDepth> GetDepthAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = db.Outbox.Where(m => m.SentAt == null && m.FailedAt == null);
        var counts = await pending
            .GroupBy(_ => 1)
            .Select(g => new { Pending = g.Count(), Due = g.Count(m => m.AvailableAt <= now) })
            .FirstOrDefaultAsync(ct);
        if (counts is null) return new OutboxDepth(0, 0, TimeSpan.Zero);
        var oldest = await pending.Where(m => m.AvailableAt <= now).OrderBy(m => m.AvailableAt).Select(m => (DateTime?)m.AvailableAt).FirstOrDefaultAsync(ct);
        return new OutboxDepth(counts.Pending, counts.Due, oldest is { } at ? now - at : TimeSpan.Zero);
    }
}

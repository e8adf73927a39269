using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Images;
using RevBot.Core.Metrics;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// Builds one claimed digest and, in one transaction, writes its outbox row (kind "digest"), its chart PNGs
/// (<see cref="ReplyImageStore"/>, their tokens in the reply's images) and the slot's outcome. An empty digest of a
/// skip-if-empty schedule writes only the outcome. A build that fails writes a short failure message to the channel
/// instead, and is not tried again: the slot stays claimed. Scoped: one per digest, on its own connection.
/// </summary>
public sealed partial class DigestPoster(RevBotDb db, DigestBuilder builder, ReplyImageStore images, IOptions<DigestScheduleOptions> options, TimeProvider time, ILogger<DigestPoster> log)
{
    public const string OutboxKind = "digest";

    /// <returns>The slot's outcome (<see cref="DigestSlotOutcomes"/>).</returns>
    public async Task<string> PostAsync(DueDigest due, DigestCache cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        var s = due.Schedule;
        DigestKinds.TryParse(s.Kind, out var kind);
        Digest digest;
        try
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due.Slot, TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone)).DateTime);
            digest = await builder.BuildAsync(new DigestRequest(kind, day, Filters(s), s.Language), cache, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogBuildFailed(log, ex, s.Id, s.Kind, EnumText.Format(s.Platform), s.ChannelId, due.Slot);
            await WriteAsync(due, DigestFailure.Reply(kind, s.Language), DigestSlotOutcomes.Failed, ct);
            return DigestSlotOutcomes.Failed;
        }
        if (s.SkipIfEmpty && digest.IsEmpty)
        {
            await DigestSlotClaims.SetOutcomeAsync(db, s.Id, due.Slot, DigestSlotOutcomes.Empty, ct);
            LogEmpty(log, s.Id, s.Kind, due.Slot);
            return DigestSlotOutcomes.Empty;
        }
        var reply = DigestReplies.Render(digest);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chart in digest.Charts)
            tokens[chart.FileName] = images.Add(cache.Render(chart, digest.Language, digest.Currency).Png, ReplyImageStore.Png, options.Value.ImageLifetime);
        reply = reply with { Images = [.. reply.Images.Select(i => tokens.TryGetValue(i.FileName, out var t) ? i with { Token = t } : i)] };
        await WriteAsync(due, reply, DigestSlotOutcomes.Posted, ct);
        return DigestSlotOutcomes.Posted;
    }

    private async Task WriteAsync(DueDigest due, Reply reply, string outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind,
            Platform = due.Schedule.Platform,
            ChannelId = due.Schedule.ChannelId,
            Payload = ReplyJson.Serialize(reply),
            CreatedAt = now,
            AvailableAt = now,
        });
        await db.SaveChangesAsync(ct);
        await DigestSlotClaims.SetOutcomeAsync(db, due.Schedule.Id, due.Slot, outcome, ct);
        await tx.CommitAsync(ct);
    }

    internal static Dictionary<Dimension, string> Filters(DigestSubscription s)
    {
        var filters = new Dictionary<Dimension, string>();
        if (s.Region is { } region) filters[Dimension.Region] = region;
        if (s.Segment is { } segment) filters[Dimension.Segment] = segment;
        if (s.Team is { } team) filters[Dimension.Team] = team;
        return filters;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest schedule {ScheduleId} ({Kind} for {Platform}:{ChannelId}, slot {Slot:u}) failed to build; the channel is told and the slot is not retried.")]
    private static partial void LogBuildFailed(ILogger logger, Exception ex, long scheduleId, string kind, string platform, string channelId, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest schedule {ScheduleId} ({Kind}, slot {Slot:u}) had an empty week and skips empty digests: nothing posted.")]
    private static partial void LogEmpty(ILogger logger, long scheduleId, string kind, DateTimeOffset slot);
}

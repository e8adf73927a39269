using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Images;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>
/// Runs scheduled questions on the digest scheduler (<see cref="IScheduledKind"/>, kind "question"): the slot was
/// claimed once across instances, in the schedule's zone, DST-safe. A run asks the question afresh through
/// <see cref="AskService"/> as of the slot's local day (so "this quarter" is the run's quarter), then, in one
/// transaction, writes the answer to the outbox (the channel, or the person by direct message) and remembers its
/// fingerprint. An answer with a chart ("chart bookings by month") carries its image as a digest's charts do: the PNG
/// is stored in the same transaction (<see cref="ReplyImageStore"/>) and its token put on the reply's image, so Slack
/// uploads it and the Teams card loads it. Skip-if-empty and only-if-changed runs that send nothing say so in the
/// slot's outcome.
/// </summary>
public sealed partial class ScheduledQuestionRunner(
    RevBotDb db, AskService ask, ReplyImageStore images, IOptions<DigestScheduleOptions> options, TimeProvider time, ILogger<ScheduledQuestionRunner> log) : IScheduledKind
{
    public const string ScheduleKind = "question";
    public const string OutboxKind = "question.scheduled";

    /// <summary>The slot's outcome when the answer equals the last one sent and the schedule sends only changes.</summary>
    public const string Unchanged = "unchanged";

    public string Kind => ScheduleKind;

    public Task TickAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<string> PostAsync(DueDigest due, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        var s = due.Schedule;
        var q = await db.ScheduledQuestions.AsNoTracking().FirstOrDefaultAsync(x => x.ScheduleId == s.Id, ct);
        if (q is null) return DigestSlotOutcomes.Skipped;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due.Slot, zone).DateTime);
        Answer answer;
        try
        {
            answer = await ask.AskAsync(new AskRequest(q.Question, q.AskedBy, day), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(log, ex, s.Id, due.Slot);
            db.ChangeTracker.Clear();
            var failed = new Reply { Kind = ReplyKind.NotUnderstood, Title = q.Question, Text = Texts.Get(s.Language, nameof(Catalog.SchedQFailed), q.Question), Language = s.Language };
            await WriteAsync(q, failed, null, ct);
            return DigestSlotOutcomes.Failed;
        }
        if (s.SkipIfEmpty && AnswerFingerprint.IsEmpty(answer)) return DigestSlotOutcomes.Empty;
        var hash = AnswerFingerprint.Of(answer);
        if (q.OnlyIfChanged && hash == q.LastAnswerHash) return Unchanged;
        var when = ScheduledQuestionText.When(s.Cron, s.TimeZone, s.Language);
        var reply = answer.Reply with
        {
            Language = s.Language,
            Context = [.. answer.Reply.Context, Texts.Get(s.Language, nameof(Catalog.SchedQFooter), when, q.Question)],
        };
        await WriteAsync(q, reply, hash, ct, answer.ChartImage);
        return DigestSlotOutcomes.Posted;
    }

    private async Task WriteAsync(ScheduledQuestion q, Reply reply, string? hash, CancellationToken ct, DigestImage? chart = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only the drawn chart has bytes to send; an image without them would reach no one, so it is left out.
        var token = chart is null ? null : images.Add(chart.Png, ReplyImageStore.Png, options.Value.ImageLifetime);
        reply = reply with { Images = [.. reply.Images.Where(i => token is not null && i.FileName == chart!.FileName).Select(i => i with { Token = token })] };
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind, Platform = q.Platform, ChannelId = q.ChannelId, RecipientUserId = q.RecipientUserId,
            Payload = ReplyJson.Serialize(reply), CreatedAt = now, AvailableAt = now,
        });
        await db.SaveChangesAsync(ct);
        if (hash is not null)
            await db.ScheduledQuestions.Where(x => x.Id == q.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastAnswerHash, hash).SetProperty(x => x.LastSentAt, now), ct);
        await tx.CommitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled question {ScheduleId}, slot {Slot:u}: answering failed; the recipient is told and the slot is not retried.")]
    private static partial void LogFailed(ILogger logger, Exception ex, long scheduleId, DateTimeOffset slot);
}

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// The digest commands of a chat turn: subscribe the channel the turn came from, list its digests, stop one, preview
/// one. Answers say exactly when the next post is, in the channel's local time and zone (the company's zone unless the
/// command named one). Scoped, like the database context it writes.
/// </summary>
public sealed class DigestSubscriptions(RevBotDb db, DigestBuilder builder, CompanyClock clock, TimeProvider time) : IChatCommand
{
    /// <summary>The answer to a digest command, or null when the text is not one (the caller treats it as a question).</summary>
    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (DigestCommandReader.Read(request.Question) is not { } command) return null;
        var language = command.Language;
        if (command.Problem is { } problem) return DigestAnswers.Refused(command.Language, problem);
        if (command.Action == DigestCommandAction.Preview) return await PreviewAsync(command, ct);
        if (command.Action == DigestCommandAction.List) return await ListAsync(request.Channel, language, ct);
        if (request.Channel is not { } channel)
            return DigestAnswers.Refused(language, Texts.Get(language, nameof(Catalog.DigestNeedsChannel)));
        return command.Action == DigestCommandAction.Stop
            ? await StopAsync(channel, command.Kind!.Value, request, language, ct)
            : await ScheduleAsync(channel, command, request, ct);
    }

    private async Task<Answer> ScheduleAsync(ChannelTarget channel, DigestChatCommand command, AskRequest request, CancellationToken ct)
    {
        var schedule = command.Schedule!;
        if (schedule.Filters.ContainsKey(Dimension.Owner))
            return DigestAnswers.Refused(command.Language, Texts.Get(command.Language, nameof(Catalog.DigestNoOwnerFilter)));
        var zone = command.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : clock.Zone;
        var now = time.GetUtcNow().UtcDateTime;
        var kind = DigestKinds.Name(schedule.Kind);
        var row = await db.DigestSchedules.FirstOrDefaultAsync(s => s.Platform == channel.Platform && s.ChannelId == channel.ChannelId && s.Kind == kind, ct);
        if (row is null)
        {
            row = new DigestSubscription { Platform = channel.Platform, ChannelId = channel.ChannelId, Kind = kind, Cron = "", TimeZone = "", CreatedAt = now };
            db.DigestSchedules.Add(row);
        }
        row.Cron = schedule.Cron;
        row.TimeZone = zone.Id;
        row.Region = schedule.Filters.GetValueOrDefault(Dimension.Region);
        row.Segment = schedule.Filters.GetValueOrDefault(Dimension.Segment);
        row.Team = schedule.Filters.GetValueOrDefault(Dimension.Team);
        row.Language = command.Language;
        row.SkipIfEmpty = schedule.SkipIfEmpty;
        row.CreatedBy = request.UserEmail ?? request.PlatformUserId ?? row.CreatedBy;
        // The schedule counts from now: a slot earlier today is not "missed" by a subscription made after it.
        row.UpdatedAt = now;
        row.Active = true;
        row.DisabledReason = null;
        await db.SaveChangesAsync(ct);
        return DigestAnswers.Scheduled(row, zone, DigestCron.Next(row.Cron, zone, time.GetUtcNow()));
    }

    private async Task<Answer> ListAsync(ChannelTarget? channel, string language, CancellationToken ct)
    {
        // Digests only: other kinds riding the scheduler (IScheduledKind, the forecast call) are not this command's.
        var kinds = DigestKinds.All.Select(DigestKinds.Name).ToList();
        var query = db.DigestSchedules.AsNoTracking().Where(s => s.Active && kinds.Contains(s.Kind));
        if (channel is not null) query = query.Where(s => s.Platform == channel.Platform && s.ChannelId == channel.ChannelId);
        var rows = await query.OrderBy(s => s.Kind).ThenBy(s => s.Id).Take(50).ToListAsync(ct);
        return DigestAnswers.List(rows, channel is not null, language, time.GetUtcNow());
    }

    private async Task<Answer> StopAsync(ChannelTarget channel, DigestKind kind, AskRequest request, string language, CancellationToken ct)
    {
        var name = DigestKinds.Name(kind);
        var row = await db.DigestSchedules.FirstOrDefaultAsync(s => s.Platform == channel.Platform && s.ChannelId == channel.ChannelId && s.Kind == name && s.Active, ct);
        if (row is null) return DigestAnswers.NotScheduled(kind, language);
        row.Active = false;
        row.DisabledReason = $"stopped by {request.UserEmail ?? request.PlatformUserId ?? "a chat user"}";
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return DigestAnswers.Stopped(kind, language);
    }

    private async Task<Answer> PreviewAsync(DigestChatCommand command, CancellationToken ct)
    {
        var schedule = command.Schedule!;
        var digest = await builder.BuildAsync(new DigestRequest(schedule.Kind, builder.Today, schedule.Filters, command.Language), ct: ct);
        var reply = DigestReplies.Render(digest);
        return new Answer { Understood = true, Intent = "digest", Language = digest.Language, Text = reply.Text, Reply = reply };
    }
}

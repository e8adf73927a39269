using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// Decides who hears about the alerts waiting to be delivered (<c>state = open AND notified_at IS NULL</c>) and adds
/// their outbox rows to the context: each recipient one direct message for all their subjects (held through their quiet
/// hours, skipped for kinds they muted), each subscribed channel one message per subject up to its hourly cap and then
/// one "and N more" summary. Messages are in the scan's language, the one their stored reasons were written in.
/// </summary>
public sealed class AlertRouter(RevBotDb db, IOptions<AlertOptions> options, CompanyClock clock)
{
    public const string OutboxKind = "alert";

    public async Task<int> RouteAsync(DateTime now, string language, CancellationToken ct)
    {
        var settings = options.Value;
        var subjects = await AlertSubjects.PendingAsync(db, ct);
        if (subjects.Count == 0) return 0;
        var messages = 0;

        var emails = subjects.SelectMany(s => s.Recipients).Select(e => e.ToLowerInvariant()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email.ToLower()))
            .Select(u => new { u.Id, u.Email, u.TimeZone, u.SlackUserId, u.TeamsUserId }).ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToList();
        var mutes = (await db.AlertMutes.AsNoTracking().Where(m => userIds.Contains(m.UserId)).Select(m => new { m.UserId, m.Kind }).ToListAsync(ct))
            .Select(m => (m.UserId, m.Kind)).ToHashSet();
        foreach (var user in users)
        {
            var mine = subjects.Where(s => s.Recipients.Contains(user.Email, StringComparer.OrdinalIgnoreCase)
                && !mutes.Contains((user.Id, EnumText.Format(s.Kind)))).ToList();
            if (mine.Count == 0) continue;
            var release = QuietHours.Release(now, QuietHours.ZoneFor(user.TimeZone, clock.Zone), settings.QuietHoursStart, settings.QuietHoursEnd);
            // The chat the person is known on; with neither id yet, Slack (the dispatcher may still find them by e-mail).
            var platform = user.SlackUserId is null && user.TeamsUserId is not null ? ChatPlatform.Teams : ChatPlatform.Slack;
            Add(platform, "", user.Id, AlertMessages.ForPerson(mine, settings, language), now, release);
            messages++;
        }

        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(ct);
        if (subscriptions.Count == 0) return messages;
        var facts = await AlertSubjects.FactsAsync(db, clock.Today, ct);
        foreach (var channel in subscriptions.GroupBy(s => (s.Platform, s.ChannelId)))
        {
            var matching = subjects.Where(s => facts.TryGetValue((s.Kind, s.SubjectId), out var f) && channel.Any(sub => AlertFilter.Matches(sub, s.Kind, f))).ToList();
            if (matching.Count == 0) continue;
            var (platform, channelId) = channel.Key;
            var hourAgo = now.AddHours(-1);
            var recent = await db.Outbox.CountAsync(m => m.Kind == OutboxKind && m.Platform == platform && m.ChannelId == channelId && m.CreatedAt > hourAgo, ct);
            var room = Math.Max(0, settings.ChannelHourlyCap - recent);
            foreach (var subject in matching.Take(room)) Add(platform, channelId, null, AlertMessages.ForChannel(subject, settings, language), now, now);
            messages += Math.Min(room, matching.Count);
            if (matching.Count <= room) continue;
            Add(platform, channelId, null, AlertMessages.Summary(matching.Skip(room).ToList(), room > 0, language), now, now);
            messages++;
        }
        return messages;
    }

    private void Add(ChatPlatform platform, string channelId, int? userId, Reply reply, DateTime now, DateTime availableAt) =>
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind, Platform = platform, ChannelId = channelId, RecipientUserId = userId, Payload = ReplyJson.Serialize(reply),
            CreatedAt = now, AvailableAt = availableAt,
        });
}

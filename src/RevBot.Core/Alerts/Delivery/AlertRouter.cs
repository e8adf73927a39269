using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// Decides who hears about the alerts waiting to be delivered (<c>state = open AND notified_at IS NULL</c>) and adds
/// their outbox rows to the context: each recipient one direct message for all their subjects (held through their quiet
/// hours, skipped for kinds they muted); each subscribed channel one message per scan: on its first delivery a summary
/// of every open alert it matches (<see cref="AlertFirstSummary"/>), then its new alerts grouped (a single one as its own
/// card), past its hourly cap the names only. Each message is written in its reader's language: a person's
/// (<see cref="PersonLanguage"/>: their setting, else their chat locale, else English), a channel's subscription's (the
/// language of its "subscribe" command; the newest subscription's when a channel has several). The stored reasons are
/// words, written in that language too.
/// </summary>
public sealed class AlertRouter(RevBotDb db, IOptions<AlertOptions> options, IOptions<CompanyOptions> company, CompanyClock clock)
{
    public const string OutboxKind = "alert";

    /// <summary>Alerts read per page (<see cref="AlertSubjects.PagesAsync"/>): what a scan found is routed in the memory of one page.</summary>
    internal const int PageSize = 2_000;

    public async Task<int> RouteAsync(DateTime now, CancellationToken ct) => await RouteAsync(now, PageSize, ct);

    internal async Task<int> RouteAsync(DateTime now, int pageSize, CancellationToken ct)
    {
        var settings = options.Value;
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(ct);
        // A channel whose subscription came after the last scan (or on a database never scanned) is new: it gets one summary.
        var lastScan = await db.AlertScanRuns.MaxAsync(r => (DateTime?)r.StartedAt, ct);
        var channels = subscriptions.GroupBy(s => (s.Platform, s.ChannelId))
            .Select(g => (g.Key.Platform, g.Key.ChannelId, Subscriptions: g.ToList(), Fresh: lastScan is null || g.Any(s => s.CreatedAt > lastScan))).ToList();
        var anyFresh = channels.Any(c => c.Fresh);
        if (!anyFresh && !await db.Alerts.AnyAsync(a => a.State == AlertState.Open && a.NotifiedAt == null, ct)) return 0;

        // Each reader's message is tallied as the pages stream in (its first subjects in order, how many in all), never
        // the whole list: a first scan routes every alert it found. The open ones are read only for a new channel's
        // summary; the pending ones are among them.
        var first = Math.Max(settings.MaxPerMessage, AlertMessages.Named);
        var people = new Dictionary<string, AlertTally>(StringComparer.OrdinalIgnoreCase);
        var tallies = channels.Select(_ => new AlertTally(first)).ToList();
        await foreach (var page in AlertSubjects.PagesAsync(db, onlyPending: !anyFresh, pageSize, ct))
        {
            var facts = await AlertSubjectFactsQuery.ForAsync(db, page.Subjects, now, clock.Today, company.Value.Currency, ct);
            foreach (var s in await AlertSubjects.WithDetailsAsync(db, page.Subjects, facts, ct))
            {
                var waiting = page.Pending.Contains((s.Kind, s.SubjectId));
                if (waiting)
                {
                    foreach (var email in s.Recipients)
                    {
                        if (!people.TryGetValue(email, out var tally)) people[email] = tally = new AlertTally(first);
                        tally.Add(s);
                    }
                }
                if (!facts.TryGetValue((s.Kind, s.SubjectId), out var f)) continue;
                for (var i = 0; i < channels.Count; i++)
                    if ((waiting || channels[i].Fresh) && channels[i].Subscriptions.Any(sub => AlertFilter.Matches(sub, s.Kind, f))) tallies[i].Add(s);
            }
        }

        var messages = await ToPeopleAsync(people, settings, now, ct);
        for (var i = 0; i < channels.Count; i++)
        {
            var (platform, channelId, subs, fresh) = channels[i];
            var language = Texts.LanguageOf(subs.MaxBy(s => s.CreatedAt)!.Language);
            var matching = tallies[i].All;
            if (matching.Total == 0) continue;
            messages++;
            if (fresh)
            {
                Add(language, platform, channelId, null, AlertFirstSummary.Build(tallies[i], subs, language, company.Value.Currency), now, now);
                continue;
            }
            var hourAgo = now.AddHours(-1);
            var recent = await db.Outbox.CountAsync(m => m.Kind == OutboxKind && m.Platform == platform && m.ChannelId == channelId && m.CreatedAt > hourAgo, ct);
            // One message per channel per scan; past the hourly cap, the names only.
            Add(language, platform, channelId, null, recent < settings.ChannelHourlyCap
                ? AlertMessages.ForChannelScan(matching, settings, language)
                : AlertMessages.Summary(matching, afterOthers: false, language), now, now);
        }
        return messages;
    }

    /// <summary>Each recipient one direct message for all their subjects, held through their quiet hours, without the kinds they muted.</summary>
    private async Task<int> ToPeopleAsync(Dictionary<string, AlertTally> people, AlertOptions settings, DateTime now, CancellationToken ct)
    {
        if (people.Count == 0) return 0;
        var messages = 0;
        var emails = people.Keys.Select(e => e.ToLowerInvariant()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email.ToLower()))
            .Select(u => new { u.Id, u.Email, u.TimeZone, u.SlackUserId, u.TeamsUserId, u.Language, u.ChatLocale }).ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToList();
        var mutes = (await db.AlertMutes.AsNoTracking().Where(m => userIds.Contains(m.UserId)).Select(m => new { m.UserId, m.Kind }).ToListAsync(ct))
            .Select(m => (m.UserId, m.Kind)).ToHashSet();
        foreach (var user in users)
        {
            if (!people.TryGetValue(user.Email, out var tally)) continue;
            var mine = tally.List(kind => !mutes.Contains((user.Id, EnumText.Format(kind))));
            if (mine.Total == 0) continue;
            var release = QuietHours.Release(now, QuietHours.ZoneFor(user.TimeZone, clock.Zone), settings.QuietHoursStart, settings.QuietHoursEnd);
            // The chat the person is known on; with neither id yet, Slack (the dispatcher may still find them by e-mail).
            var platform = user.SlackUserId is null && user.TeamsUserId is not null ? ChatPlatform.Teams : ChatPlatform.Slack;
            var language = PersonLanguage.Resolve(user.Language, user.ChatLocale);
            Add(language, platform, "", user.Id, AlertMessages.ForPerson(mine, settings, language), now, release);
            messages++;
        }
        return messages;
    }

    /// <summary>The reply carries its reader's language, so the sender's own words ("… and 3 more") are in it too.</summary>
    private void Add(string language, ChatPlatform platform, string channelId, int? userId, Reply reply, DateTime now, DateTime availableAt) =>
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind, Platform = platform, ChannelId = channelId, RecipientUserId = userId, Payload = ReplyJson.Serialize(reply with { Language = language }),
            CreatedAt = now, AvailableAt = availableAt,
        });
}

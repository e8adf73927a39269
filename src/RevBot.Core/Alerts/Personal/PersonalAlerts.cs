using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.Company;
using RevBot.Core.Digests;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Personal;

/// <summary>
/// What one person sees about their own alerts (the Slack Home tab): the accounts they own with live churn-risk alerts,
/// and their alert and digest settings. It reads the stored alerts (what the last scan found), never scans, so it is a
/// few indexed queries however big the company. Its words are in the language asked for (English by default). Scoped.
/// </summary>
public sealed class PersonalAlerts(RevBotDb db, IOptions<AlertOptions> options, CompanyClock clock, IOptions<CompanyOptions> company)
{
    /// <summary>Channel subscriptions and digests listed before "and N more".</summary>
    public const int ListedSettings = 5;

    /// <summary>
    /// The accounts the person owns (<c>accounts.owner_id</c>) with an open or snoozed churn-risk alert, highest score
    /// first, the first <paramref name="take"/> of them; null when no RevBot user has that e-mail. Dismissed alerts are
    /// left out: someone decided they need nothing more.
    /// </summary>
    public Task<AtRiskAccounts?> AtRiskAsync(string email, int take, CancellationToken ct) => AtRiskAsync(email, take, Texts.Neutral, ct);

    /// <inheritdoc cref="AtRiskAsync(string, int, CancellationToken)"/>
    public async Task<AtRiskAccounts?> AtRiskAsync(string email, int take, string language, CancellationToken ct)
    {
        if (await UserAsync(email, ct) is not { } user) return null;
        var churn = EnumText.Format(AlertKind.ChurnRisk);
        var live = db.Alerts.AsNoTracking().Where(a => a.Kind == churn && (a.State == AlertState.Open || a.State == AlertState.Snoozed));
        var accounts = live.Join(db.Accounts.Where(x => x.OwnerId == user.Id), a => a.SubjectId, x => x.Id, (a, x) => new { a.SubjectId, a.Score, x.Name })
            .GroupBy(r => new { r.SubjectId, r.Name })
            .Select(g => new { g.Key.SubjectId, g.Key.Name, Score = g.Max(r => r.Score) ?? 0 });
        var total = await accounts.CountAsync(ct);
        if (total == 0) return new AtRiskAccounts([], 0);
        var top = await accounts.OrderByDescending(a => a.Score).ThenBy(a => a.Name).ThenBy(a => a.SubjectId).Take(take).ToListAsync(ct);
        var ids = top.Select(t => t.SubjectId).ToList();
        var rows = await live.Where(a => ids.Contains(a.SubjectId)).OrderBy(a => a.Id).ToListAsync(ct);
        var assigneeIds = rows.Select(r => r.AssignedUserId).OfType<int>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var subjects = AlertSubjects.Group(rows).ToDictionary(s => s.SubjectId);
        return new AtRiskAccounts([.. top.Select(t =>
        {
            var subject = subjects[t.SubjectId];
            var mine = rows.Where(r => r.SubjectId == t.SubjectId).ToList();
            var assignee = mine.Select(r => r.AssignedUserId).FirstOrDefault(id => id is not null);
            var notes = new List<string>();
            if (mine.All(r => r.State == AlertState.Snoozed) && mine.Max(r => r.SnoozedUntil) is { } until)
                notes.Add(Texts.Get(language, nameof(Catalog.AlertHomeSnoozedUntil), Day(until, language)));
            if (assignee is { } who)
                notes.Add(who == user.Id ? Texts.Get(language, nameof(Catalog.AlertHomeYoureOnIt))
                    : Texts.Get(language, nameof(Catalog.AlertOnIt), names.GetValueOrDefault(who) ?? Texts.Get(language, nameof(Catalog.AlertHomeSomeone))));
            var action = assignee is null
                ? new ReplyAction(AlertActionIds.Assign, Texts.Get(language, nameof(Catalog.AlertAssign)), AlertActionValue.Encode([subject.AlertIds[0]]), ReplyActionStyle.Primary)
                : null;
            return new AtRiskAccount(t.SubjectId, t.Name, t.Score, [.. subject.Reasons.Select(r => r.Render(language))], notes.Count == 0 ? null : string.Join(" · ", notes), action);
        })], total);
    }

    /// <summary>The person's direct-message mutes, quiet hours, and the channel subscriptions and digests they created; null for an unknown e-mail.</summary>
    public Task<AlertSettings?> SettingsAsync(string email, CancellationToken ct) => SettingsAsync(email, Texts.Neutral, ct);

    /// <inheritdoc cref="SettingsAsync(string, CancellationToken)"/>
    public async Task<AlertSettings?> SettingsAsync(string email, string language, CancellationToken ct)
    {
        if (await UserAsync(email, ct) is not { } user) return null;
        var muted = await db.AlertMutes.AsNoTracking().Where(m => m.UserId == user.Id).Select(m => m.Kind).ToListAsync(ct);
        var direct = Enum.GetValues<AlertKind>().Select(kind =>
        {
            var text = EnumText.Format(kind);
            var isMuted = muted.Contains(text);
            var toggle = isMuted
                ? new ReplyAction(AlertActionIds.Unmute, Texts.Get(language, nameof(Catalog.AlertUnmuteButton)), text)
                : new ReplyAction(AlertActionIds.Mute, Texts.Get(language, nameof(Catalog.AlertMuteButton)), text);
            var label = Texts.Get(language, kind switch
            {
                AlertKind.StalledDeal => nameof(Catalog.AlertHomeStalledDms),
                AlertKind.Expansion => nameof(Catalog.ExpansionHomeDms),
                _ => nameof(Catalog.AlertHomeChurnDms),
            });
            return new DirectMessageAlertSetting(kind, label, isMuted, toggle);
        }).ToList();

        var subscriptions = db.AlertSubscriptions.AsNoTracking().Where(s => s.CreatedByUserId == user.Id && s.Active);
        var subscriptionsShown = await subscriptions.OrderBy(s => s.Id).Take(ListedSettings).ToListAsync(ct);
        // A digest records its creator as text: the RevBot e-mail, or the chat user id when the creator was not mapped yet.
        var creators = new[] { user.Email, user.SlackUserId, user.TeamsUserId }.OfType<string>().Select(c => c.ToLowerInvariant()).ToList();
        var owners = await AlertCommands.OwnerNamesAsync(db, subscriptionsShown, ct);
        var digests = db.DigestSchedules.AsNoTracking().Where(d => d.Active && d.CreatedBy != null && creators.Contains(d.CreatedBy.ToLower()));
        var digestsShown = await digests.OrderBy(d => d.Id).Take(ListedSettings).ToListAsync(ct);
        return new AlertSettings(direct, QuietHoursText(user.TimeZone, language),
            [.. subscriptionsShown.Select(s => new ChannelSetting(s.Platform, s.ChannelId, AlertCommands.Describe(s, language, company.Value.Currency, owners)))],
            subscriptionsShown.Count < ListedSettings ? subscriptionsShown.Count : await subscriptions.CountAsync(ct),
            [.. digestsShown.Select(d => new ChannelSetting(d.Platform, d.ChannelId, DigestText(d, language)))],
            digestsShown.Count < ListedSettings ? digestsShown.Count : await digests.CountAsync(ct));
    }

    private async Task<User?> UserAsync(string email, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return await db.Users.AsNoTracking().WithEmail(email).FirstOrDefaultAsync(ct);
    }

    /// <summary>"20:00–08:00 in Europe/Madrid (your time zone): direct messages decided then arrive at 08:00".</summary>
    private string QuietHoursText(string? userZone, string language)
    {
        var (start, end) = (options.Value.QuietHoursStart, options.Value.QuietHoursEnd);
        if (start == end) return Texts.Get(language, nameof(Catalog.AlertQuietNone));
        var own = userZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(userZone, out _);
        var zone = QuietHours.ZoneFor(userZone, clock.Zone);
        return Texts.Get(language, own ? nameof(Catalog.AlertQuietOwnZone) : nameof(Catalog.AlertQuietCompanyZone), Time(start), Time(end), zone.Id);
    }

    private static string DigestText(DigestSubscription d, string language)
    {
        var kind = DigestKinds.TryParse(d.Kind, out var k) ? DigestKinds.InText(k, language) : d.Kind;
        return Texts.Get(language, nameof(Catalog.AlertHomeDigest), kind, DigestScheduleText.When(d.Cron, d.TimeZone, language), DigestAnswers.Extras(d, language));
    }

    private string Day(DateTime utc, string language) => Formats.Date(
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.Zone)), language, DateStyle.Short, clock.Today);

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

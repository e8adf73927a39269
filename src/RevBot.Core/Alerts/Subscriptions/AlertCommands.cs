using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>
/// Runs an alert chat command for the person and the channel it came from: subscriptions belong to the channel (by
/// id), mutes to the person. Filter values are checked against the data (a region or segment some account has, an
/// owner or team some user has) so a typo is answered with what is allowed instead of a subscription that never fires.
/// </summary>
public sealed class AlertCommands(RevBotDb db, CompanyClock clock, AlertMutes mutes, IOptions<CompanyOptions> company) : IChatCommand
{
    /// <summary>Subscriptions and mutes are commands, not questions: the channel is the one the adapter says the turn came from.</summary>
    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AlertCommandParser.TryParse(request.Question, out var command) ? await RunAsync(command, request.UserEmail, request.Channel, ct) : null;
    }

    public async Task<Answer> RunAsync(AlertCommand command, string? userEmail, ChannelTarget? channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var language = command.Language;
        if (command.Problem is { } problem)
            return Reply(command, false, Texts.Get(language, nameof(Catalog.AlertNotUnderstoodTitle)),
                Texts.Get(language, nameof(Catalog.AlertNotUnderstood), problem, Texts.Get(language, nameof(Catalog.AlertKnownFilters))));
        var user = userEmail is null ? null : await db.Users.AsNoTracking().WithEmail(userEmail).FirstOrDefaultAsync(ct);
        if (command.Verb is AlertCommandVerb.Mute or AlertCommandVerb.Unmute) return await MuteAsync(command, user, ct);
        if (channel is not { } place)
            return Reply(command, false, Texts.Get(language, nameof(Catalog.AlertOnlyInChannelTitle)), Texts.Get(language, nameof(Catalog.AlertOnlyInChannel)));
        return command.Verb switch
        {
            AlertCommandVerb.Subscribe => await SubscribeAsync(command, place, user, ct),
            AlertCommandVerb.Unsubscribe => await UnsubscribeAsync(command, place, ct),
            _ => await ListAsync(command, place, ct),
        };
    }

    private async Task<Answer> SubscribeAsync(AlertCommand c, ChannelTarget place, User? user, CancellationToken ct)
    {
        var language = c.Language;
        var (region, segment, owner, team, problem) = await ResolveFiltersAsync(c, ct);
        if (problem is not null) return Reply(c, false, Texts.Get(language, nameof(Catalog.AlertUnknownFilterTitle)), problem);
        var subscription = new AlertSubscription
        {
            Platform = place.Platform, ChannelId = place.ChannelId, Kinds = KindsText(c.Kinds), Region = region, Segment = segment,
            MinAmount = c.MinAmount, OwnerEmail = owner, Team = team, CreatedByUserId = user?.Id, CreatedAt = clock.UtcNow,
            Language = language,
        };
        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return Reply(c, true, Texts.Get(language, nameof(Catalog.AlertSubscribedTitle)),
            Texts.Get(language, nameof(Catalog.AlertSubscribed), Describe(subscription, language, company.Value.Currency, await OwnerNamesAsync(db, [subscription], ct))));
    }

    private async Task<Answer> UnsubscribeAsync(AlertCommand c, ChannelTarget place, CancellationToken ct)
    {
        var active = await db.AlertSubscriptions.Where(s => s.Platform == place.Platform && s.ChannelId == place.ChannelId && s.Active).ToListAsync(ct);
        var wanted = c.Kinds.Count == 0 ? null : c.Kinds;
        var count = 0;
        foreach (var s in active)
        {
            var kinds = Delivery.AlertFilter.Kinds(s.Kinds).ToList();
            var remaining = wanted is null ? [] : kinds.Except(wanted).ToList();
            if (remaining.Count == kinds.Count) continue;
            count++;
            if (remaining.Count > 0) { s.Kinds = KindsText(remaining); continue; }
            (s.Active, s.DisabledReason, s.DisabledAt) = (false, "unsubscribed", clock.UtcNow);
        }
        await db.SaveChangesAsync(ct);
        var language = c.Language;
        return count == 0
            ? Reply(c, true, Texts.Get(language, nameof(Catalog.AlertNothingToUnsubscribeTitle)), Texts.Get(language, nameof(Catalog.AlertNothingToUnsubscribe)))
            : Reply(c, true, Texts.Get(language, nameof(Catalog.AlertUnsubscribedTitle)),
                Formats.Count(count, language, nameof(Catalog.AlertUnsubscribedOne), nameof(Catalog.AlertUnsubscribedOther)));
    }

    private async Task<Answer> ListAsync(AlertCommand c, ChannelTarget place, CancellationToken ct)
    {
        var language = c.Language;
        var all = await db.AlertSubscriptions.AsNoTracking().Where(s => s.Platform == place.Platform && s.ChannelId == place.ChannelId && s.Active)
            .OrderBy(s => s.Id).ToListAsync(ct);
        if (all.Count == 0)
            return Reply(c, true, Texts.Get(language, nameof(Catalog.AlertNoSubscriptionsTitle)), Texts.Get(language, nameof(Catalog.AlertNoSubscriptions)));
        var owners = await OwnerNamesAsync(db, all, ct);
        var lines = all.Select(s => "• " + Describe(s, language, company.Value.Currency, owners));
        return Reply(c, true, Texts.Get(language, nameof(Catalog.AlertSubscriptionsTitle)), string.Join('\n', lines));
    }

    private async Task<Answer> MuteAsync(AlertCommand c, User? user, CancellationToken ct)
    {
        var language = c.Language;
        if (user is null)
            return Reply(c, false, Texts.Get(language, nameof(Catalog.AlertWhoAreYouTitle)), Texts.Get(language, nameof(Catalog.AlertWhoAreYou)));
        var kinds = c.Kinds.Count == 0 ? Enum.GetValues<AlertKind>() : [.. c.Kinds];
        await mutes.SetAsync(user.Id, kinds, c.Verb == AlertCommandVerb.Mute, ct);
        var what = Kinds(kinds, language);
        return c.Verb == AlertCommandVerb.Mute
            ? Reply(c, true, Texts.Get(language, nameof(Catalog.AlertMutedTitle)), Texts.Get(language, nameof(Catalog.AlertMuted), what))
            : Reply(c, true, Texts.Get(language, nameof(Catalog.AlertUnmutedTitle)), Texts.Get(language, nameof(Catalog.AlertUnmuted), what));
    }

    private async Task<(string? Region, string? Segment, string? Owner, string? Team, string? Problem)> ResolveFiltersAsync(AlertCommand c, CancellationToken ct)
    {
        var language = c.Language;
        string? region = null, segment = null, owner = null, team = null;
        async Task<List<string>> Regions() => await db.Accounts.Where(a => a.Region != null).Select(a => a.Region!).Distinct().OrderBy(r => r).ToListAsync(ct);
        async Task<List<string>> Segments() => await db.Accounts.Where(a => a.Segment != null).Select(a => a.Segment!).Distinct().OrderBy(r => r).ToListAsync(ct);
        static string? Find(List<string> known, string value) => known.FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase));
        string Unknown(string key, string value, List<string> known) => Texts.Get(language, key, value, string.Join(", ", known));
        foreach (var (key, value) in c.Filters)
        {
            switch (key)
            {
                case "region":
                    var regions = await Regions();
                    if ((region = Find(regions, value)) is null) return (null, null, null, null, Unknown(nameof(Catalog.AlertUnknownRegion), value, regions));
                    break;
                case "segment":
                    var segments = await Segments();
                    if ((segment = Find(segments, value)) is null) return (null, null, null, null, Unknown(nameof(Catalog.AlertUnknownSegment), value, segments));
                    break;
                case "in":
                    var (r, s) = (await Regions(), await Segments());
                    region = Find(r, value);
                    segment = region is null ? Find(s, value) : segment;
                    if (region is null && segment is null) return (null, null, null, null, Unknown(nameof(Catalog.AlertUnknownRegionOrSegment), value, [.. r, .. s]));
                    break;
                case "owner":
                    owner = await db.Users.WithEmail(value).Select(u => u.Email).FirstOrDefaultAsync(ct);
                    if (owner is null) return (null, null, null, null, Texts.Get(language, nameof(Catalog.AlertUnknownOwner), value));
                    break;
                case "team":
                    var teams = await db.Users.Where(u => u.Team != null).Select(u => u.Team!).Distinct().OrderBy(t => t).ToListAsync(ct);
                    if ((team = Find(teams, value)) is null) return (null, null, null, null, Unknown(nameof(Catalog.AlertUnknownTeam), value, teams));
                    break;
            }
        }
        return (region, segment, owner, team, null);
    }

    /// <summary>A subscription naming no kind gets the two kinds of trouble; expansion plays only when asked for ("subscribe expansion plays").</summary>
    private static string KindsText(IReadOnlyList<AlertKind> kinds) =>
        string.Join(',', (kinds.Count == 0 ? new[] { AlertKind.StalledDeal, AlertKind.ChurnRisk } : [.. kinds]).Distinct().Select(EnumText.Format));

    /// <summary>"stalled deals", "churn risk", "stalled deals and churn risk".</summary>
    internal static string Kinds(IEnumerable<AlertKind> kinds, string language)
    {
        var names = kinds.Select(k => Texts.Get(language, k switch
        {
            AlertKind.StalledDeal => nameof(Catalog.AlertKindStalled),
            AlertKind.Expansion => nameof(Catalog.ExpansionKind),
            _ => nameof(Catalog.AlertKindChurn),
        })).ToList();
        return names.Count < 2 ? string.Concat(names)
            : Texts.Get(language, nameof(Catalog.AlertKindsAnd), string.Join(", ", names.Take(names.Count - 1)), names[^1]);
    }

    /// <summary>
    /// "stalled deals in EMEA, in segment Enterprise, of at least $50,000, owned by Alex Wu": the amount exactly, with
    /// its currency, and the owner by name (<paramref name="ownerNames"/>: e-mail → name; the e-mail only for someone unknown).
    /// </summary>
    internal static string Describe(AlertSubscription s, string language, string currency, IReadOnlyDictionary<string, string> ownerNames)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(ownerNames);
        var filters = new List<string>();
        if (s.Region is { } r) filters.Add(Texts.Get(language, nameof(Catalog.AlertFilterIn), r));
        if (s.Segment is { } g) filters.Add(Texts.Get(language, nameof(Catalog.AlertFilterSegment), g));
        if (s.MinAmount is { } m) filters.Add(Texts.Get(language, nameof(Catalog.AlertFilterMin), Formats.Money(m, currency, language, MoneyStyle.Exact)));
        if (s.OwnerEmail is { } o) filters.Add(Texts.Get(language, nameof(Catalog.AlertFilterOwner), Formats.Person(ownerNames.GetValueOrDefault(o.ToLowerInvariant()), o)));
        if (s.Team is { } t) filters.Add(Texts.Get(language, nameof(Catalog.AlertFilterTeam), t));
        var kinds = Kinds(Delivery.AlertFilter.Kinds(s.Kinds), language);
        return filters.Count == 0 ? kinds : $"{kinds} {string.Join(", ", filters)}";
    }

    /// <summary>The names of the subscriptions' owners, by lower-case e-mail, so a description never shows an e-mail RevBot can name.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> OwnerNamesAsync(RevBotDb db, IEnumerable<AlertSubscription> subscriptions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var emails = subscriptions.Select(s => s.OwnerEmail?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        if (emails.Count == 0) return new Dictionary<string, string>();
#pragma warning disable CA1862 // ToLower is translated to SQL; the comparer overloads are not (as UserEmails.WithEmail).
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email.ToLower())).Select(u => new { u.Email, u.Name }).ToListAsync(ct);
#pragma warning restore CA1862
        return users.GroupBy(u => u.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Name);
    }

    private static Answer Reply(AlertCommand c, bool understood, string title, string text) => new()
    {
        Understood = understood,
        Intent = "alerts_" + EnumText.Format(c.Verb),
        Language = c.Language,
        Text = text,
        Reply = new Reply { Kind = understood ? ReplyKind.Answer : ReplyKind.NotUnderstood, Title = title, Text = text },
    };
}

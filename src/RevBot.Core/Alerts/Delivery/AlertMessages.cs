using System.Globalization;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// The alert messages: one deal or account (its facts as label/value pairs), several in one message (one row each:
/// the facts on a line, then why), for a person or for a channel's scan, and a channel's "and 12 more" summary past its
/// hourly cap. Every alert says why in plain words; the footnote comes once per message; the buttons Open deal /
/// Snooze / Dismiss / I'm on it act on every alert the message shows. In <c>language</c>: the language the stored
/// reasons were written in when delivered, the presser's when a button redraws it.
/// </summary>
internal static class AlertMessages
{
    public static Reply ForChannel(AlertSubject subject, AlertOptions settings, string language) => Card([subject], settings, null, actions: true, language);

    public static Reply ForPerson(IReadOnlyList<AlertSubject> subjects, AlertOptions settings, string language) => Card(subjects, settings, null, actions: true, language);

    /// <summary>A channel's new alerts of one scan: one card, a single alert's own when there is only one.</summary>
    public static Reply ForChannelScan(IReadOnlyList<AlertSubject> subjects, AlertOptions settings, string language) => subjects.Count == 1
        ? ForChannel(subjects[0], settings, language)
        : Card(subjects, settings, null, actions: true, language) with { Title = Texts.Get(language, nameof(Catalog.AlertChannelManyTitle), Count(subjects.Count)) };

    /// <summary>The message for these subjects; <paramref name="notice"/> says what someone just did with it.</summary>
    public static Reply Card(IReadOnlyList<AlertSubject> subjects, AlertOptions settings, string? notice, bool actions, string language)
    {
        var shown = subjects.Take(settings.MaxPerMessage).ToList();
        var value = AlertActionValue.Encode(shown.Select(s => s.AlertIds[0]));
        var buttons = new List<ReplyAction>();
        foreach (var deal in shown.Where(s => s.Kind == AlertKind.StalledDeal).Take(shown.Count == 1 ? 1 : 3))
        {
            var open = shown.Count == 1 ? Texts.Get(language, nameof(Catalog.AlertOpenDeal)) : Texts.Get(language, nameof(Catalog.AlertOpenNamed), deal.Name);
            buttons.Add(new ReplyAction(DealActionIds.Open, open, deal.SubjectId));
        }
        if (actions)
        {
            var all = shown.Count > 1;
            buttons.Add(new ReplyAction(AlertActionIds.Snooze,
                Texts.Get(language, all ? nameof(Catalog.AlertSnoozeAll) : nameof(Catalog.AlertSnooze), settings.SnoozeDays), value));
            buttons.Add(new ReplyAction(AlertActionIds.Dismiss,
                Texts.Get(language, all ? nameof(Catalog.AlertDismissAll) : nameof(Catalog.AlertDismiss)), value, ReplyActionStyle.Danger));
            buttons.Add(new ReplyAction(AlertActionIds.Assign, Texts.Get(language, nameof(Catalog.AlertAssign)), value, ReplyActionStyle.Primary));
        }
        var context = new List<string> { Texts.Get(language, nameof(Catalog.AlertOnce)) };
        if (shown.Count == 1)
        {
            var s = shown[0];
            return new Reply
            {
                Kind = ReplyKind.Card, Title = Title(s, language), Text = Texts.Get(language, nameof(Catalog.AlertWhy), s.Why), Notice = notice,
                Facts = AlertRows.Facts(s, language), Actions = buttons, Context = context,
            };
        }
        var lines = shown.Select(s => AlertRows.Bullet(s, Title(s, language), language)).ToList();
        if (subjects.Count > shown.Count) lines.Add(AndMore(subjects.Count - shown.Count, language));
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = Texts.Get(language, nameof(Catalog.AlertManyTitle), Count(subjects.Count)),
            Text = string.Join('\n', lines), Notice = notice, Actions = buttons, Context = context,
        };
    }

    /// <summary>Past a channel's hourly cap: the names only, so nothing is silently dropped.</summary>
    public static Reply Summary(IReadOnlyList<AlertSubject> rest, bool afterOthers, string language)
    {
        const int Named = 5;
        var names = string.Join(", ", rest.Take(Named).Select(s => s.Name));
        var more = rest.Count > Named ? $", {AndMore(rest.Count - Named, language)}" : "";
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = Texts.Get(language, afterOthers ? nameof(Catalog.AlertAndMoreTitle) : nameof(Catalog.AlertMoreTitle), Count(rest.Count)),
            Text = Texts.Get(language, nameof(Catalog.AlertCapText), names, more),
        };
    }

    public static string Title(AlertSubject s, string language) => s.Kind == AlertKind.StalledDeal
        ? Texts.Get(language, nameof(Catalog.AlertStalledTitle), s.Name)
        : s.Score is { } score
            ? Texts.Get(language, nameof(Catalog.AlertChurnTitleScore), s.Name, score)
            : Texts.Get(language, nameof(Catalog.AlertChurnTitle), s.Name);

    private static string AndMore(int n, string language) => Texts.Get(language, nameof(Catalog.AlertAndMore), Count(n));

    internal static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}

using System.Globalization;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Deals;
using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// The alert messages: one deal or account (a channel's message, or a person's only alert), several in one message
/// for a person, and a channel's "and 12 more" summary past its hourly cap. Every alert says why in plain words and
/// carries the buttons Open deal / Snooze / Dismiss / I'm on it.
/// </summary>
internal static class AlertMessages
{
    public static Reply ForChannel(AlertSubject subject, AlertOptions settings) => Card([subject], settings, null, actions: true);

    public static Reply ForPerson(IReadOnlyList<AlertSubject> subjects, AlertOptions settings) => Card(subjects, settings, null, actions: true);

    /// <summary>The message for these subjects; <paramref name="notice"/> says what someone just did with it.</summary>
    public static Reply Card(IReadOnlyList<AlertSubject> subjects, AlertOptions settings, string? notice, bool actions)
    {
        var shown = subjects.Take(settings.MaxPerMessage).ToList();
        var value = AlertActionValue.Encode(shown.Select(s => s.AlertIds[0]));
        var buttons = new List<ReplyAction>();
        foreach (var deal in shown.Where(s => s.Kind == AlertKind.StalledDeal).Take(shown.Count == 1 ? 1 : 3))
            buttons.Add(new ReplyAction(DealActionIds.Open, shown.Count == 1 ? "Open deal" : $"Open {deal.Name}", deal.SubjectId));
        if (actions)
        {
            var all = shown.Count > 1 ? " all" : "";
            buttons.Add(new ReplyAction(AlertActionIds.Snooze, $"Snooze{all} {settings.SnoozeDays} days", value));
            buttons.Add(new ReplyAction(AlertActionIds.Dismiss, $"Dismiss{all}", value, ReplyActionStyle.Danger));
            buttons.Add(new ReplyAction(AlertActionIds.Assign, "I'm on it", value, ReplyActionStyle.Primary));
        }
        var context = new List<string> { "You hear about each deal or account and reason once, until it changes or a snooze ends." };
        if (shown.Count == 1)
        {
            var s = shown[0];
            return new Reply
            {
                Kind = ReplyKind.Card, Title = Title(s), Text = $"Why: {s.Why}.", Notice = notice, Actions = buttons, Context = context,
            };
        }
        var lines = shown.Select(s => $"• {Title(s)}: {s.Why}").ToList();
        if (subjects.Count > shown.Count) lines.Add(AndMore(subjects.Count - shown.Count));
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = $"{subjects.Count.ToString("#,0", CultureInfo.InvariantCulture)} alerts need your attention",
            Text = string.Join('\n', lines), Notice = notice, Actions = buttons, Context = context,
        };
    }

    /// <summary>Past a channel's hourly cap: the names only, so nothing is silently dropped.</summary>
    public static Reply Summary(IReadOnlyList<AlertSubject> rest, bool afterOthers)
    {
        const int Named = 5;
        var names = string.Join(", ", rest.Take(Named).Select(s => s.Name));
        var more = rest.Count > Named ? $", {AndMore(rest.Count - Named)}" : "";
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = afterOthers ? $"And {rest.Count.ToString("#,0", CultureInfo.InvariantCulture)} more alerts" : $"{rest.Count.ToString("#,0", CultureInfo.InvariantCulture)} more alerts",
            Text = $"This channel reached its hourly limit of alert messages. Also flagged: {names}{more}. Ask RevBot about any of them for the details.",
        };
    }

    public static string Title(AlertSubject s) => s.Kind == AlertKind.StalledDeal
        ? $"Stalled deal: {s.Name}"
        : $"Churn risk: {s.Name}{(s.Score is { } score ? $" ({score}/100)" : "")}";

    private static string AndMore(int n) => $"and {n.ToString("#,0", CultureInfo.InvariantCulture)} more";
}

using RevBot.Core.Alerts.Actions;
using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// Several alerts in one message (a person's of one scan, a channel's of one scan): one row per deal or account with its
/// facts, why, what people did with it, and its own buttons (Open deal, Snooze, Dismiss, I'm on it; a dismissed row keeps
/// Open deal), then "Snooze all / Dismiss all / I'm on it" for the whole message. Every button carries the whole group
/// (<see cref="AlertGroupValue"/>), so a press redraws the same rows, with the same title and the others' buttons. Rows
/// are the first <see cref="AlertOptions.MaxPerMessage"/> (fewer when their ids would not fit a button), then "and N more".
/// </summary>
internal static class AlertGroupMessage
{
    /// <summary>The message as delivery first writes it.</summary>
    public static Reply First(IReadOnlyList<AlertSubject> subjects, AlertAudience audience, AlertOptions settings, string language) =>
        First(AlertList.Of(subjects), audience, settings, language);

    /// <summary>The same from the first subjects only (at least <see cref="AlertOptions.MaxPerMessage"/> of them, when there are as many).</summary>
    public static Reply First(AlertList subjects, AlertAudience audience, AlertOptions settings, string language)
    {
        var ids = subjects.First.Select(s => s.AlertIds[0]).ToList();
        var room = Math.Min(settings.MaxPerMessage, AlertGroupValue.Fits(ids, language, subjects.Total, subjects.MaxId));
        var group = new AlertGroupValue(audience, language, subjects.Total, null, [.. ids.Take(room)]);
        return Build([.. subjects.First.Take(room).Select((s, i) => (s, ids[i]))], group, settings, null);
    }

    /// <summary>
    /// The message for <paramref name="rows"/> (each subject with the alert id that names it in the group), as
    /// <paramref name="group"/> first listed them; <paramref name="notice"/> says what someone just did.
    /// </summary>
    public static Reply Build(IReadOnlyList<(AlertSubject Subject, long Id)> rows, AlertGroupValue group, AlertOptions settings, string? notice)
    {
        var language = group.Language;
        var whole = group with { Target = null };
        var lines = rows.Select(r => new ReplyRow(Text(r.Subject, language), Actions(r.Subject, whole with { Target = r.Id }, settings))).ToList();
        if (group.Total > group.Ids.Count) lines.Add(new ReplyRow(AlertMessages.AndMore(group.Total - group.Ids.Count, language), []));
        var title = Texts.Get(language, group.Audience == AlertAudience.Person ? nameof(Catalog.AlertManyTitle) : nameof(Catalog.AlertChannelManyTitle),
            Formats.Number(group.Total, language));
        var open = rows.Any(r => r.Subject.Status is not { Dismissed: true });
        return new Reply
        {
            Kind = ReplyKind.Card, Title = title, Text = "", Notice = notice, Rows = lines,
            Actions = open ? [.. AlertMessages.Buttons(whole.Encode(), settings, all: true, language)] : [],
            Context = [Texts.Get(language, nameof(Catalog.AlertOnce))],
        };
    }

    /// <summary>"• Stalled deal: Acme — $90K · …", "Why: …", then what people did with it.</summary>
    private static string Text(AlertSubject s, string language)
    {
        var text = AlertRows.Bullet(s, AlertMessages.Title(s, language), language);
        return s.Status is { } status && Status(status, language) is { Length: > 0 } said ? $"{text}\n   {said}" : text;
    }

    private static string Status(AlertSubjectStatus s, string language)
    {
        var someone = Texts.Get(language, nameof(Catalog.AlertHomeSomeone));
        var parts = new List<string>();
        if (s.Dismissed) parts.Add(Texts.Get(language, nameof(Catalog.AlertDismissedBy), s.DismissedBy ?? someone, s.DismissedReason ?? "—"));
        else if (s.SnoozedUntil is { } day) parts.Add(Texts.Get(language, nameof(Catalog.AlertRowSnoozedUntil), new AlertText(language, "").Date(day)));
        if (!s.Dismissed && s.AssignedTo is { } who) parts.Add(Texts.Get(language, nameof(Catalog.AlertOnIt), who));
        return string.Join(" · ", parts);
    }

    private static List<ReplyAction> Actions(AlertSubject s, AlertGroupValue value, AlertOptions settings)
    {
        var actions = new List<ReplyAction>();
        if (s.Kind == AlertKind.StalledDeal) actions.Add(new ReplyAction(DealActionIds.Open, Texts.Get(value.Language, nameof(Catalog.AlertOpenDeal)), s.SubjectId));
        if (s.Kind == AlertKind.Expansion && s.Status is not { Dismissed: true }) actions.Add(AlertMessages.CreateExpansionDeal(s, value.Language));
        if (s.Status is not { Dismissed: true }) actions.AddRange(AlertMessages.Buttons(value.Encode(), settings, all: false, value.Language));
        return actions;
    }
}

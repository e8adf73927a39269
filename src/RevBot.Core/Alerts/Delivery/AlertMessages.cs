using System.Globalization;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// The alert messages: one deal or account (its facts as label/value pairs, its buttons), several in one message (one
/// row each: the facts on a line, then why, with the row's own buttons, <see cref="AlertGroupMessage"/>), for a person
/// or for a channel's scan, and a channel's "and 12 more" summary past its hourly cap. Every alert says why in plain
/// words; the footnote comes once per message. In <c>language</c>: the reader's (the person's, the subscription's).
/// </summary>
internal static class AlertMessages
{
    public static Reply ForChannel(AlertSubject subject, AlertOptions settings, string language) => Card([subject], settings, null, actions: true, language);

    /// <summary>A person's alerts of one scan: a single alert's own card, or one grouped message.</summary>
    public static Reply ForPerson(IReadOnlyList<AlertSubject> subjects, AlertOptions settings, string language) =>
        ForPerson(AlertList.Of(subjects), settings, language);

    public static Reply ForPerson(AlertList subjects, AlertOptions settings, string language) => subjects.Total == 1
        ? Card(subjects.First, settings, null, actions: true, language)
        : AlertGroupMessage.First(subjects, AlertAudience.Person, settings, language);

    /// <summary>A channel's new alerts of one scan: one card, a single alert's own when there is only one.</summary>
    public static Reply ForChannelScan(IReadOnlyList<AlertSubject> subjects, AlertOptions settings, string language) =>
        ForChannelScan(AlertList.Of(subjects), settings, language);

    public static Reply ForChannelScan(AlertList subjects, AlertOptions settings, string language) => subjects.Total == 1
        ? ForChannel(subjects.First[0], settings, language)
        : AlertGroupMessage.First(subjects, AlertAudience.Channel, settings, language);

    /// <summary>
    /// The message for these subjects; <paramref name="notice"/> says what someone just did with it. Several subjects (a
    /// button of a grouped message sent before rows had their own) are redrawn as a person's group.
    /// </summary>
    public static Reply Card(IReadOnlyList<AlertSubject> subjects, AlertOptions settings, string? notice, bool actions, string language)
    {
        if (subjects.Count > 1) return AlertGroupMessage.First(subjects, AlertAudience.Person, settings, language) with { Notice = notice };
        var s = subjects[0];
        var value = AlertActionValue.Encode([s.AlertIds[0]]);
        var buttons = new List<ReplyAction>();
        if (s.Kind == AlertKind.StalledDeal) buttons.Add(new ReplyAction(DealActionIds.Open, Texts.Get(language, nameof(Catalog.AlertOpenDeal)), s.SubjectId));
        if (s.Kind == AlertKind.Expansion) buttons.Add(CreateExpansionDeal(s, language));
        if (actions) buttons.AddRange(Buttons(value, settings, all: false, language));
        return new Reply
        {
            Kind = ReplyKind.Card, Title = Title(s, language), Text = Texts.Get(language, nameof(Catalog.AlertWhy), s.Why(language)), Notice = notice,
            Facts = AlertRows.Facts(s, language), Actions = buttons, Context = [Texts.Get(language, nameof(Catalog.AlertOnce))],
        };
    }

    /// <summary>Snooze, Dismiss, I'm on it, acting on what <paramref name="value"/> names ("Snooze all 7 days" for a whole group).</summary>
    internal static IEnumerable<ReplyAction> Buttons(string value, AlertOptions settings, bool all, string language) =>
    [
        new ReplyAction(AlertActionIds.Snooze, Texts.Get(language, all ? nameof(Catalog.AlertSnoozeAll) : nameof(Catalog.AlertSnooze), settings.SnoozeDays), value),
        new ReplyAction(AlertActionIds.Dismiss, Texts.Get(language, all ? nameof(Catalog.AlertDismissAll) : nameof(Catalog.AlertDismiss)), value, ReplyActionStyle.Danger),
        new ReplyAction(AlertActionIds.Assign, Texts.Get(language, nameof(Catalog.AlertAssign)), value, ReplyActionStyle.Primary),
    ];

    /// <summary>Past a channel's hourly cap: the names only, so nothing is silently dropped.</summary>
    public static Reply Summary(IReadOnlyList<AlertSubject> rest, bool afterOthers, string language) => Summary(AlertList.Of(rest), afterOthers, language);

    /// <summary>How many the summary names; the rest are counted.</summary>
    public const int Named = 5;

    public static Reply Summary(AlertList rest, bool afterOthers, string language)
    {
        var names = string.Join(", ", rest.First.Take(Named).Select(s => s.Name));
        var more = rest.Total > Named ? $", {AndMore(rest.Total - Named, language)}" : "";
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = rest.Total == 1
                ? Texts.Get(language, afterOthers ? nameof(Catalog.AlertAndMoreTitleOne) : nameof(Catalog.AlertMoreTitleOne))
                : Texts.Get(language, afterOthers ? nameof(Catalog.AlertAndMoreTitle) : nameof(Catalog.AlertMoreTitle), Formats.Number(rest.Total, language)),
            Text = Texts.Get(language, nameof(Catalog.AlertCapText), names, more),
        };
    }

    /// <summary>"Create expansion deal": opens the deal form prefilled for the account (<see cref="ExpansionActionIds.Create"/>).</summary>
    internal static ReplyAction CreateExpansionDeal(AlertSubject s, string language) =>
        new(ExpansionActionIds.Create, Texts.Get(language, nameof(Catalog.ExpansionCreateDeal)), s.SubjectId, ReplyActionStyle.Primary);

    public static string Title(AlertSubject s, string language) => s.Kind switch
    {
        AlertKind.StalledDeal => Texts.Get(language, nameof(Catalog.AlertStalledTitle), s.Name),
        AlertKind.Expansion => s.Score is { } points
            ? Texts.Get(language, nameof(Catalog.ExpansionTitleScore), s.Name, points)
            : Texts.Get(language, nameof(Catalog.ExpansionTitle), s.Name),
        _ => s.Score is { } score
            ? Texts.Get(language, nameof(Catalog.AlertChurnTitleScore), s.Name, score)
            : Texts.Get(language, nameof(Catalog.AlertChurnTitle), s.Name),
    };

    internal static string AndMore(int n, string language) => Texts.Get(language, nameof(Catalog.AlertAndMore), Formats.Number(n, language));
}

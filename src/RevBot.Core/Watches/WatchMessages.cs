using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;

namespace RevBot.Core.Watches;

/// <summary>
/// What a firing watch posts, in the watch's language: the crossing in a sentence (the current value, the line, the
/// previous value) above the answer card of the watched question, so the reader sees the whole answer and can drill
/// in from it, a footer naming the watch and how to stop or snooze it, and the Stop / Snooze buttons
/// (<see cref="WithButtons"/>).
/// </summary>
internal static class WatchMessages
{
    public static Reply Crossed(Watch watch, WatchRequest spec, Answer answer, decimal? previous, decimal? baseline, string currency)
    {
        var f = new AnswerFormatter(watch.Language, currency);
        var unit = MetricCatalog.Get(spec.Metric!).Unit;
        var shown = spec.Comparator == WatchComparator.ChangesBy ? null : spec.Unit;
        string Show(decimal v) => shown is { } u ? WatchText.Amount(v, u, f) : f.Value(v, unit);
        var name = MetricCatalog.Get(spec.Metric!).Name(watch.Language);
        var value = answer.Value ?? 0;
        var line = WatchText.Amount(spec.Threshold ?? 0, spec.Comparator == WatchComparator.ChangesBy && spec.Unit == WatchUnit.Percent ? WatchUnit.Percent : spec.Unit, f);
        var crossing = spec.Comparator switch
        {
            WatchComparator.Below => f.Text(nameof(Catalog.WatchFiredBelow), name, Show(value), line),
            WatchComparator.Above => f.Text(nameof(Catalog.WatchFiredAbove), name, Show(value), line),
            _ => f.Text(nameof(Catalog.WatchFiredChanged), name, Show(value), line, Show(baseline ?? 0)),
        };
        crossing = MetricAnswerComposer.Capitalize(crossing, f.Culture);
        var before = previous is { } p ? f.Text(nameof(Catalog.WatchPrevious), Show(p)) : f.Text(nameof(Catalog.WatchPreviousNone));
        var card = answer.Reply;
        return card with
        {
            Title = f.Text(nameof(Catalog.WatchFiredTitle), card.Title),
            Notice = $"{crossing} {before}",
            Text = $"{crossing} {before} {card.Text}",
            Context = [.. card.Context, Footer(watch)],
        };
    }

    public static Reply Deals(Watch watch, WatchRequest spec, IReadOnlyList<WatchDealEvent> found, string quarter, string currency)
    {
        var f = new AnswerFormatter(watch.Language, currency);
        var one = found.Count == 1;
        var text = spec.Kind == WatchKind.DealStage
            ? f.Text(one ? nameof(Catalog.WatchFiredStageOne) : nameof(Catalog.WatchFiredStageOther), spec.Stage ?? "", found.Count)
            : f.Text(one ? nameof(Catalog.WatchFiredPushedOne) : nameof(Catalog.WatchFiredPushedOther), quarter, found.Count);
        var items = found.Select(d => new ReplySectionItem(
            $"{d.Name} · {f.Money(d.Amount)}{(d.CloseDate is { } c ? " · " + Formats.Date(c, watch.Language, DateStyle.Long) : "")}")).ToList();
        var title = f.Text(nameof(Catalog.WatchFiredTitle), watch.Text);
        return new Reply
        {
            Kind = ReplyKind.List, Title = title, Text = text,
            Sections = [new ReplySection(f.Text(nameof(Catalog.WatchFiredDealsTitle)), items, "")],
            Context = [Footer(watch)],
        };
    }

    /// <summary>
    /// The message's own buttons after the card's: Stop watching, Snooze 1 day, Snooze 1 week (<see cref="WatchInteractions"/>).
    /// <paramref name="nonce"/> is this message's: each press of one of its buttons is one command.
    /// </summary>
    public static Reply WithButtons(Reply reply, Watch watch, string nonce)
    {
        var value = new ReplyFormState(watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, nonce, watch.Language).Encode();
        string T(string key) => Texts.Get(watch.Language, key);
        return reply with
        {
            Actions =
            [
                .. reply.Actions,
                new ReplyAction(WatchActionIds.Stop, T(nameof(Catalog.WatchButtonStop)), value, ReplyActionStyle.Danger),
                new ReplyAction(WatchActionIds.SnoozeDay, T(nameof(Catalog.WatchButtonSnoozeDay)), value),
                new ReplyAction(WatchActionIds.SnoozeWeek, T(nameof(Catalog.WatchButtonSnoozeWeek)), value),
            ],
        };
    }

    private static string Footer(Watch watch) => Texts.Get(watch.Language, nameof(Catalog.WatchFooter), watch.Id, watch.Text);
}

using System.Globalization;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// A newly subscribed channel's first delivery: one message, not one per alert. Per kind: how many and their total
/// (amount for deals, ARR for accounts), the top 5 (deals by amount, accounts by score; ties by name, then as the messages list them) with their facts, and a "See
/// all" button that asks RevBot the list question for the subscription ("stalled deals in EMEA over 50000"). It has
/// no Snooze/Dismiss buttons: the owners act from their own direct messages or from the list.
/// </summary>
internal static class AlertFirstSummary
{
    public const int Top = 5;

    public static Reply Build(IReadOnlyList<AlertSubject> matching, IReadOnlyList<AlertSubscription> subscriptions, string language, string currency) =>
        Build(AlertTally.Of(matching), subscriptions, language, currency);

    /// <summary>The summary from a tally of the matching subjects (<see cref="AlertRouter"/> keeps one per channel as the alerts stream in).</summary>
    public static Reply Build(AlertTally matching, IReadOnlyList<AlertSubscription> subscriptions, string language, string currency)
    {
        var t = new AlertText(language, currency);
        var parts = new List<string>();
        var actions = new List<ReplyAction>();
        foreach (var kind in new[] { AlertKind.StalledDeal, AlertKind.ChurnRisk, AlertKind.Expansion })
        {
            if (matching.Kind(kind) is not (var count, var amount, var top)) continue;
            var total = t.Money(amount);
            var (one, other, topBy) = kind switch
            {
                AlertKind.StalledDeal => (nameof(Catalog.AlertFirstStalledOne), nameof(Catalog.AlertFirstStalledOther), nameof(Catalog.AlertFirstTopStalled)),
                AlertKind.Expansion => (nameof(Catalog.ExpansionFirstOne), nameof(Catalog.ExpansionFirstOther), nameof(Catalog.ExpansionFirstTop)),
                _ => (nameof(Catalog.AlertFirstChurnOne), nameof(Catalog.AlertFirstChurnOther), nameof(Catalog.AlertFirstTopChurn)),
            };
            var head = t.Get(count == 1 ? one : other, Formats.Number(count, language), total);
            var lead = count > Top ? " " + t.Get(topBy, Top) : "";
            parts.Add(head + lead + "\n" + string.Join('\n', top.Select(s => AlertRows.Bullet(s, s.Name, language))));
            if (SeeAll(kind, subscriptions, language) is { } question)
                actions.Add(new ReplyAction(DigestReplies.AskAction,
                    t.Get(kind switch
                    {
                        AlertKind.StalledDeal => nameof(Catalog.AlertSeeAllStalled),
                        AlertKind.Expansion => nameof(Catalog.AlertSeeAllExpansion),
                        _ => nameof(Catalog.AlertSeeAllChurn),
                    }, Formats.Number(count, language)), question));
        }
        return new Reply
        {
            Kind = ReplyKind.Card, Title = t.Get(nameof(Catalog.AlertFirstTitle)), Text = string.Join("\n\n", parts), Actions = actions,
            Context = [t.Get(nameof(Catalog.AlertFirstNext)), t.Get(nameof(Catalog.AlertOnce))],
        };
    }

    /// <summary>
    /// The list question for the channel's subscription of this kind, when one question says it: a single subscription
    /// filtered by region, segment and minimum amount at most (a question cannot name an owner's e-mail or a team here).
    /// </summary>
    internal static string? SeeAll(AlertKind kind, IReadOnlyList<AlertSubscription> subscriptions, string language)
    {
        var mine = subscriptions.Where(s => AlertFilter.Kinds(s.Kinds).Contains(kind)).ToList();
        if (mine.Count != 1 || mine[0].OwnerEmail is not null || mine[0].Team is not null) return null;
        var s = mine[0];
        string?[] filters =
        [
            s.Region is { } region ? Texts.Get(language, nameof(Catalog.AlertAskIn), region) : null,
            s.Segment is { } segment ? Texts.Get(language, nameof(Catalog.AlertAskIn), segment) : null,
            s.MinAmount is { } min ? Texts.Get(language, nameof(Catalog.AlertAskOver), min.ToString("0", CultureInfo.InvariantCulture)) : null,
        ];
        var ask = kind switch
        {
            AlertKind.StalledDeal => nameof(Catalog.AlertAskStalled),
            AlertKind.Expansion => nameof(Catalog.AlertAskExpansion),
            _ => nameof(Catalog.AlertAskChurn),
        };
        return Texts.Get(language, ask, string.Join(' ', filters.OfType<string>())).Trim();
    }
}

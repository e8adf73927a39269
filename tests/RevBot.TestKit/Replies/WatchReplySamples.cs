using RevBot.Core.Answers;
using RevBot.Core.Replies;
using RevBot.Core.Watches;

namespace RevBot.Testing;

/// <summary>
/// A fired watch's messages as Core builds them (<c>WatchMessages</c>, with the Stop / Snooze buttons) and what a press
/// posts, in English and Spanish, for the Slack and Teams conformance checks.
/// </summary>
public static class WatchReplySamples
{
    public static IReadOnlyList<(string Name, Reply Reply)> All() =>
    [
        ("watch fired threshold", Threshold("en")),
        ("watch fired threshold in Spanish", Threshold("es")),
        ("watch fired deals", WatchMessages.WithButtons(WatchMessages.Deals(Watch("en", "deal_stage"), new WatchRequest { Kind = WatchKind.DealStage, Stage = "Negotiation", MinAmount = 100_000m },
            [new WatchDealEvent("deal-1", "Acme <Corp> & Co - renewal", 120_000m, new DateOnly(2026, 12, 15)), new WatchDealEvent("deal-2", "Globex", 250_000m, null)], "Q4 2026", "USD"),
            Watch("en", "deal_stage"), Nonce)),
        ("watch stopped by a press", new Reply { Title = "Watch stopped", Text = "Wanda Watcher stopped watch #7: \"tell me when bookings this quarter goes above $1M\". It will not be checked again.", InNewMessage = true }),
        ("watch snoozed by a press in Spanish", new Reply { Title = "Vigilancia pospuesta", Text = "Wanda pospuso la vigilancia #7 hasta el 28 de noviembre de 2026: \"avísame si las ventas superan 1M\".", Language = "es", InNewMessage = true }),
    ];

    private const string Nonce = "0123456789abcdef";

    private static Reply Threshold(string language)
    {
        var watch = Watch(language, "threshold");
        var spec = new WatchRequest { Kind = WatchKind.Threshold, Question = "bookings this quarter", Metric = "bookings", Comparator = WatchComparator.Above, Threshold = 1_000_000m, Unit = WatchUnit.Currency };
        var card = new Reply
        {
            Title = "Bookings · Q4 2026", Text = "Bookings in Q4 2026 are $1.1M.", Headline = null,
            Facts = [new ReplyFact("Deals won", "12")], Context = ["Q4 2026: Oct 1 – Dec 31, 2026"],
            Actions = [new ReplyAction("ask", "By month", "bookings this quarter by month")],
        };
        var answer = new Answer { Understood = true, Intent = "metric", Language = language, Metric = "bookings", Value = 1_100_000m, Text = card.Text, Reply = card };
        return WatchMessages.WithButtons(WatchMessages.Crossed(watch, spec, answer, 500_000m, null, "USD"), watch, Nonce);
    }

    private static Watch Watch(string language, string kind) => new()
    {
        Id = 7, OwnerUserId = 1, Language = language, Kind = kind, Question = "bookings this quarter",
        Text = "tell me when bookings this quarter goes above $1M <& co>", Spec = "{}",
    };
}

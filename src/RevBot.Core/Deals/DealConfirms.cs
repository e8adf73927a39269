using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>
/// The questions asked before the deal card's one-click changes (Mark won, push a week or a month), naming the deal,
/// its amount and, for a push, the date it lands on. Denying where the question replaced the card (Teams) brings the
/// card back through "Open deal", which changes nothing.
/// </summary>
internal sealed class DealConfirms(Deal deal, DateOnly today, string language)
{
    private readonly string name = deal.Name ?? deal.Id;
    private readonly string money = DealText.Money(deal.Amount, deal.Currency, language);

    public ReplyConfirm Win() => Confirm(
        T(nameof(Catalog.DealConfirmWinTitle)), T(nameof(Catalog.DealConfirmWinText), name, money), T(nameof(Catalog.DealButtonWin)));

    public ReplyConfirm Push(DealPush push) => Confirm(
        T(nameof(Catalog.DealConfirmPushTitle)),
        T(nameof(Catalog.DealConfirmPushText), name, money, DealText.Date(DealPushDate.Target(deal.CloseDate, today, push), language)),
        T(nameof(Catalog.DealConfirmPush)));

    private ReplyConfirm Confirm(string title, string text, string confirm)
    {
        var cancel = T(nameof(Catalog.ChatCancel));
        return new ReplyConfirm(title, text, confirm, cancel, new ReplyAction(DealActionIds.Back, cancel, DealActionValue.Open(deal.Id, language)));
    }

    private string T(string key, params object?[] args) => Texts.Get(language, key, args);
}

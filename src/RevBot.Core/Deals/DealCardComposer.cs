using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>
/// Writes the deal card in the reader's language. Every action carries the deal id, the version shown and a nonce for
/// this rendering (see <see cref="DealActionValue"/>), so a press is checked against the version the person saw and a
/// retried press is applied once.
/// </summary>
internal static class DealCardComposer
{
    public static Reply Compose(DealCardData data, CompanyOptions company, CompanyClock clock, string? notice, string language)
    {
        var d = data.Deal;
        var now = clock.UtcNow;
        var money = DealText.Money(d.Amount, d.Currency, language);
        var owner = data.OwnerName ?? T(language, nameof(Catalog.DealCardNoOwner));
        var closed = d.ClosedAt is { } at ? DealText.Date(DateOnly.FromDateTime(at), language) : null;
        var text = (d.Status, closed, d.LossReason) switch
        {
            (DealStatus.Won, null, _) => T(language, nameof(Catalog.DealCardWon), money, owner),
            (DealStatus.Won, _, _) => T(language, nameof(Catalog.DealCardWonOn), money, owner, closed),
            (DealStatus.Lost, null, null) => T(language, nameof(Catalog.DealCardLost), money, owner),
            (DealStatus.Lost, null, _) => T(language, nameof(Catalog.DealCardLostReason), money, owner, d.LossReason),
            (DealStatus.Lost, _, null) => T(language, nameof(Catalog.DealCardLostOn), money, owner, closed),
            (DealStatus.Lost, _, _) => T(language, nameof(Catalog.DealCardLostOnReason), money, owner, closed, d.LossReason),
            _ when d.CloseDate is { } c => T(language, nameof(Catalog.DealCardOpenClosing), owner, money, d.Stage, DealText.Date(c, language)),
            _ => T(language, nameof(Catalog.DealCardOpen), owner, money, d.Stage),
        };
        var nonce = DealActionValue.NewNonce();
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = d.Name ?? d.Id,
            Text = text,
            Notice = notice,
            Facts = Facts(data, company, clock, language),
            Context = [.. data.RecentChanges.Select(c => DealText.Describe(c, d.Currency, now, language)), T(language, nameof(Catalog.DealCardVersion), d.Id, d.Version)],
            Actions = Actions(d, nonce, clock.Today, language),
        };
    }

    private static List<ReplyFact> Facts(DealCardData data, CompanyOptions company, CompanyClock clock, string language)
    {
        var d = data.Deal;
        var stageDefault = company.EffectiveStages.FirstOrDefault(s => s.Name == d.Stage)?.Probability;
        var probability = d.Probability is { } p ? DealText.Percent(p, language)
            : stageDefault is { } sp ? T(language, nameof(Catalog.DealCardStageDefault), DealText.Percent(sp, language)) : "—";
        var days = data.StageEnteredAt is { } at ? clock.Today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, clock.Zone)).DayNumber : (int?)null;
        var activity = data.LastActivity is { } a
            ? $"{DealText.ActivityName(EnumText.Format(a.Type), language)} · {DealText.Ago(a.OccurredAt, clock.UtcNow, language)}{(a.Subject is null ? "" : $" · {a.Subject}")}"
            : T(language, nameof(Catalog.DealCardNoActivity));
        return
        [
            new(T(language, nameof(Catalog.DealCardAccount)), data.AccountName ?? "—"),
            new(T(language, nameof(Catalog.DealCardOwner)), data.OwnerName ?? "—"),
            new(T(language, nameof(Catalog.DealCardAmount)), DealText.Money(d.Amount, d.Currency, language)),
            new(T(language, nameof(Catalog.DealCardStage)), d.Stage),
            new(T(language, nameof(Catalog.DealCardForecast)), d.ForecastCategory is { } f ? DealText.Forecast(f, language) : "—"),
            new(T(language, nameof(Catalog.DealCardProbability)), probability),
            new(T(language, nameof(Catalog.DealCardExpectedClose)), d.CloseDate is { } c ? DealText.Date(c, language) : "—"),
            new(T(language, nameof(Catalog.DealCardNextStep)), d.NextStep ?? "—"),
            new(T(language, nameof(Catalog.DealCardDaysInStage)), days is { } n and >= 0 ? DealText.Days(n, language) : "—"),
            new(T(language, nameof(Catalog.DealCardLastActivity)), activity),
        ];
    }

    private static List<ReplyAction> Actions(Deal d, string nonce, DateOnly today, string language)
    {
        var value = DealActionValue.Format(d.Id, d.Version, nonce, language);
        var update = new ReplyAction(DealActionIds.Update, T(language, nameof(Catalog.DealButtonUpdate)), value);
        var log = new ReplyAction(DealActionIds.Log, T(language, nameof(Catalog.DealButtonLog)), value);
        if (d.Status != DealStatus.Open) return [update, log];
        var confirm = new DealConfirms(d, today, language);
        return
        [
            update,
            new(DealActionIds.Win, T(language, nameof(Catalog.DealButtonWin)), value, ReplyActionStyle.Primary) { Confirm = confirm.Win() },
            // Mark lost and "Push to…" open a form: submitting it is their second, deliberate step.
            new(DealActionIds.Lose, T(language, nameof(Catalog.DealButtonLose)), value, ReplyActionStyle.Danger),
            log,
            new(DealActionIds.PushWeek, T(language, nameof(Catalog.DealButtonPushWeek)), value) { Confirm = confirm.Push(DealPush.Week) },
            new(DealActionIds.PushMonth, T(language, nameof(Catalog.DealButtonPushMonth)), value) { Confirm = confirm.Push(DealPush.Month) },
            new(DealActionIds.PushPick, T(language, nameof(Catalog.DealButtonPushPick)), value),
        ];
    }

    private static string T(string language, string key, params object?[] args) => Texts.Get(language, key, args);
}

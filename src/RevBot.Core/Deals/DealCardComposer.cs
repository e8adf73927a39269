using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>
/// Writes the deal card. Every action carries the deal id, the version shown and a nonce for this rendering (see
/// <see cref="DealActionValue"/>), so a press is checked against the version the person saw and a retried press is
/// applied once.
/// </summary>
internal static class DealCardComposer
{
    public static Reply Compose(DealCardData data, CompanyOptions company, CompanyClock clock, string? notice)
    {
        var d = data.Deal;
        var now = clock.UtcNow;
        var money = DealText.Money(d.Amount, d.Currency);
        var owner = data.OwnerName ?? "no owner";
        var text = d.Status switch
        {
            DealStatus.Won => $"Won{ClosedOn(d)}: {money}, owned by {owner}.",
            DealStatus.Lost => $"Lost{ClosedOn(d)}{(d.LossReason is null ? "" : $" ({d.LossReason})")}: {money}, owned by {owner}.",
            _ => $"Open deal owned by {owner}: {money} in {d.Stage}{(d.CloseDate is { } c ? $", closing {DealText.Date(c)}" : "")}.",
        };
        var nonce = DealActionValue.NewNonce();
        return new Reply
        {
            Kind = ReplyKind.Card,
            Title = d.Name ?? d.Id,
            Text = text,
            Notice = notice,
            Facts = Facts(data, company, clock),
            Context = [.. data.RecentChanges.Select(c => DealText.Describe(c, d.Currency, now)), $"{d.Id} · version {d.Version}"],
            Actions = Actions(d, nonce),
        };
    }

    private static List<ReplyFact> Facts(DealCardData data, CompanyOptions company, CompanyClock clock)
    {
        var d = data.Deal;
        var stageDefault = company.EffectiveStages.FirstOrDefault(s => s.Name == d.Stage)?.Probability;
        var probability = d.Probability is { } p ? DealText.Percent(p) : stageDefault is { } sp ? $"{DealText.Percent(sp)} (stage default)" : "—";
        var days = data.StageEnteredAt is { } at ? clock.Today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, clock.Zone)).DayNumber : (int?)null;
        var activity = data.LastActivity is { } a
            ? $"{a.Type} · {DealText.Ago(a.OccurredAt, clock.UtcNow)}{(a.Subject is null ? "" : $" · {a.Subject}")}"
            : "none yet";
        return
        [
            new("Account", data.AccountName ?? "—"),
            new("Owner", data.OwnerName ?? "—"),
            new("Amount", DealText.Money(d.Amount, d.Currency)),
            new("Stage", d.Stage),
            new("Forecast category", d.ForecastCategory is { } f ? DealText.Forecast(f) : "—"),
            new("Probability", probability),
            new("Expected close", d.CloseDate is { } c ? DealText.Date(c) : "—"),
            new("Next step", d.NextStep ?? "—"),
            new("Days in stage", days is { } n and >= 0 ? DealText.Plural(n, "day") : "—"),
            new("Last activity", activity),
        ];
    }

    private static List<ReplyAction> Actions(Deal d, string nonce)
    {
        var value = DealActionValue.Format(d.Id, d.Version, nonce);
        if (d.Status != DealStatus.Open)
            return [new(DealActionIds.Update, "Update", value), new(DealActionIds.Log, "Log activity", value)];
        return
        [
            new(DealActionIds.Update, "Update", value),
            new(DealActionIds.Win, "Mark won", value, ReplyActionStyle.Primary),
            new(DealActionIds.Lose, "Mark lost", value, ReplyActionStyle.Danger),
            new(DealActionIds.Log, "Log activity", value),
            new(DealActionIds.PushWeek, "Push +1 week", value),
            new(DealActionIds.PushMonth, "Push +1 month", value),
            new(DealActionIds.PushPick, "Push to…", value),
        ];
    }

    private static string ClosedOn(Deal d) => d.ClosedAt is { } at ? $" on {DealText.Date(DateOnly.FromDateTime(at))}" : "";
}

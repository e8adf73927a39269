using RevBot.Core.Deals;
using RevBot.Core.Replies;

namespace RevBot.Core.Handoffs;

/// <summary>Writes the hand-off card for customer success and the pricing note for marketing.</summary>
internal static class HandoffComposer
{
    public static HandoffPayload Won(HandoffDeal d) => new()
    {
        Kind = HandoffKinds.WonMessage,
        Title = $"New customer to onboard: {d.Account ?? d.Name}",
        Text = $"{d.Owner ?? "The team"} won {d.Name} ({DealText.Money(d.Amount, d.Currency)}). Who takes the onboarding?",
        DealId = d.Id,
        DealName = d.Name,
        Account = d.Account,
        Amount = d.Amount,
        Currency = d.Currency,
        Products = d.Product is null ? [] : [d.Product],
        Owner = d.Owner,
        NextStep = d.NextStep,
        Facts = Facts(d, ("Next step", d.NextStep ?? "—")),
        Actions = [new ReplyAction(HandoffKinds.ClaimAction, "Claim onboarding", d.Id, ReplyActionStyle.Primary)],
    };

    public static HandoffPayload Pricing(HandoffDeal d, string lastStage) => new()
    {
        Kind = HandoffKinds.PricingMessage,
        Title = $"Lost on price: {d.Account ?? d.Name}",
        Text = $"{d.Owner ?? "A rep"} lost {d.Name} ({DealText.Money(d.Amount, d.Currency)}) in {lastStage}, reason: {d.LossReason}.",
        DealId = d.Id,
        DealName = d.Name,
        Account = d.Account,
        Amount = d.Amount,
        Currency = d.Currency,
        Products = d.Product is null ? [] : [d.Product],
        Owner = d.Owner,
        NextStep = d.NextStep,
        LossReason = d.LossReason,
        Facts = Facts(d, ("Lost in", lastStage)),
        Actions = [new ReplyAction(DealActionIds.Open, "Open deal", d.Id)],
    };

    private static List<ReplyFact> Facts(HandoffDeal d, (string Label, string Value) extra) =>
    [
        new("Account", d.Account ?? "—"),
        new("Amount", DealText.Money(d.Amount, d.Currency)),
        new("Product", d.Product ?? "—"),
        new("Owner", d.Owner ?? "—"),
        new(extra.Label, extra.Value),
    ];
}

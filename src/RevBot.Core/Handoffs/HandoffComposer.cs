using RevBot.Core.Deals;
using RevBot.Core.Replies;

namespace RevBot.Core.Handoffs;

/// <summary>Writes the hand-off card for customer success and the pricing note for marketing.</summary>
internal static class HandoffComposer
{
    public static Reply Won(HandoffDeal d) => new()
    {
        Kind = ReplyKind.Card,
        Title = $"New customer to onboard: {d.Account ?? d.Name}",
        Text = $"{d.Owner ?? "The team"} won {d.Name} ({DealText.Money(d.Amount, d.Currency)}). Who takes the onboarding?",
        Facts = Facts(d, ("Next step", d.NextStep ?? "—")),
        Actions = [new ReplyAction(HandoffKinds.ClaimAction, "Claim onboarding", d.Id, ReplyActionStyle.Primary)],
    };

    public static Reply Pricing(HandoffDeal d, string lastStage) => new()
    {
        Kind = ReplyKind.Card,
        Title = $"Lost on price: {d.Account ?? d.Name}",
        Text = $"{d.Owner ?? "A rep"} lost {d.Name} ({DealText.Money(d.Amount, d.Currency)}) in {lastStage}, reason: {d.LossReason}.",
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

using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Handoffs;

/// <summary>
/// Writes the hand-off card for customer success and the pricing note for marketing, in the receiving channels'
/// language (<see cref="HandoffOptions.Language"/>).
/// </summary>
internal static class HandoffComposer
{
    public static Reply Won(HandoffDeal d, string language) => new()
    {
        Kind = ReplyKind.Card,
        Title = Texts.Get(language, nameof(Catalog.HandoffWonTitle), d.Account ?? d.Name),
        Text = Texts.Get(language, nameof(Catalog.HandoffWonText), d.Owner ?? Texts.Get(language, nameof(Catalog.HandoffTheTeam)), d.Name, DealText.Money(d.Amount, d.Currency, language)),
        Facts = Facts(d, (nameof(Catalog.HandoffNextStep), d.NextStep ?? "—"), language),
        Actions = [new ReplyAction(HandoffKinds.ClaimAction, Texts.Get(language, nameof(Catalog.HandoffClaimButton)), d.Id, ReplyActionStyle.Primary)],
        Language = language,
    };

    /// <summary>A won deal's hand-off taken back: its CRM did not accept the win. <paramref name="claimer"/> had claimed it, if anyone.</summary>
    public static Reply Withdrawn(HandoffDeal d, string? claimer, string language) => new()
    {
        Kind = ReplyKind.Card,
        Title = Texts.Get(language, nameof(Catalog.HandoffWithdrawnTitle), d.Account ?? d.Name),
        Text = Texts.Get(language, nameof(Catalog.HandoffWithdrawnText), d.Name, DealText.Money(d.Amount, d.Currency, language))
            + (claimer is null ? "" : " " + Texts.Get(language, nameof(Catalog.HandoffWithdrawnClaimed), claimer)),
        Actions = [new ReplyAction(DealActionIds.Open, Texts.Get(language, nameof(Catalog.HandoffOpenDeal)), d.Id)],
        Language = language,
    };

    /// <summary>A lost deal's pricing note taken back: its CRM did not accept the loss.</summary>
    public static Reply PricingWithdrawn(HandoffDeal d, string language) => new()
    {
        Kind = ReplyKind.Card,
        Title = Texts.Get(language, nameof(Catalog.HandoffPricingWithdrawnTitle), d.Account ?? d.Name),
        Text = Texts.Get(language, nameof(Catalog.HandoffPricingWithdrawnText), d.Name, DealText.Money(d.Amount, d.Currency, language)),
        Actions = [new ReplyAction(DealActionIds.Open, Texts.Get(language, nameof(Catalog.HandoffOpenDeal)), d.Id)],
        Language = language,
    };

    public static Reply Pricing(HandoffDeal d, string lastStage, string language) => new()
    {
        Kind = ReplyKind.Card,
        Title = Texts.Get(language, nameof(Catalog.HandoffPricingTitle), d.Account ?? d.Name),
        Text = Texts.Get(language, nameof(Catalog.HandoffPricingText), d.Owner ?? Texts.Get(language, nameof(Catalog.HandoffARep)), d.Name,
            DealText.Money(d.Amount, d.Currency, language), lastStage, d.LossReason),
        Facts = Facts(d, (nameof(Catalog.HandoffLostIn), lastStage), language),
        Actions = [new ReplyAction(DealActionIds.Open, Texts.Get(language, nameof(Catalog.HandoffOpenDeal)), d.Id)],
        Language = language,
    };

    private static List<ReplyFact> Facts(HandoffDeal d, (string LabelKey, string Value) extra, string language) =>
    [
        new(Texts.Get(language, nameof(Catalog.HandoffAccount)), d.Account ?? "—"),
        new(Texts.Get(language, nameof(Catalog.HandoffAmount)), DealText.Money(d.Amount, d.Currency, language)),
        new(Texts.Get(language, nameof(Catalog.HandoffProduct)), d.Product ?? "—"),
        new(Texts.Get(language, nameof(Catalog.HandoffOwner)), d.Owner ?? "—"),
        new(Texts.Get(language, extra.LabelKey), extra.Value),
    ];
}

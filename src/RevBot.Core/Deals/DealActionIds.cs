namespace RevBot.Core.Deals;

/// <summary>
/// The ids of the deal card's actions and forms (<c>ReplyAction.Id</c>, <c>ReplyForm.Id</c>). Adapters pass them back
/// unchanged to <c>InteractionService</c>, which sends every "deal." id here (<see cref="DealActionRoute"/>).
/// </summary>
public static class DealActionIds
{
    /// <summary>Value: the deal id. Shows the card.</summary>
    public const string Open = "deal.open";

    // Values of the actions below: ReplyFormState.Encode() of (deal id, version on the card, the card's nonce).
    public const string Update = "deal.update";
    public const string Win = "deal.win";
    public const string Lose = "deal.lose";
    public const string Log = "deal.log";
    public const string PushWeek = "deal.push_week";
    public const string PushMonth = "deal.push_month";
    public const string PushPick = "deal.push_pick";

    /// <summary>The form ids (Update, Lose and Log open forms of the same id).</summary>
    public const string PushForm = "deal.push";
}

namespace RevBot.Core.Deals;

/// <summary>
/// The ids of the deal card's actions and forms (<c>ReplyAction.Id</c>, <c>ReplyForm.Id</c>). Adapters pass them back
/// unchanged to <c>InteractionService</c>, which sends every "deal." id here (<see cref="DealActionRoute"/>).
/// </summary>
public static class DealActionIds
{
    /// <summary>Value: the deal id. Shows the card in a new message: a drill-down from an alert, a list or a hand-off.</summary>
    public const string Open = "deal.open";

    /// <summary>
    /// Value: as <see cref="Open"/>. Shows the card again in place of what was pressed: the Cancel of a form or of a
    /// confirmation, which goes back to the card rather than opening another.
    /// </summary>
    public const string Back = "deal.back";

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

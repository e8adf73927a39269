namespace RevBot.Core.Deals;

public enum DealCommandKind
{
    /// <summary>Change any of the fields in <see cref="DealCommand.Changes"/> (a stage change on a closed deal reopens it).</summary>
    Update,
    MarkWon,

    /// <summary>Needs <see cref="DealCommand.LossReason"/>.</summary>
    MarkLost,

    /// <summary>Adds an activity; overwrites nothing, so it is not refused for an older version.</summary>
    LogActivity,

    /// <summary>Moves the close date by <see cref="DealCommand.Push"/> (or to <see cref="DealFieldChanges.CloseDate"/> when picked).</summary>
    PushCloseDate,

    /// <summary>
    /// A new open deal of <see cref="DealCommand.NewDeal"/>'s account and type, with <see cref="DealCommand.DealId"/> as
    /// its id (chosen by the caller from the form's nonce, so a twin delivery cannot make two) and the stage, amount and
    /// close date of <see cref="DealCommand.Changes"/>. Owned by the person acting.
    /// </summary>
    Create,
}

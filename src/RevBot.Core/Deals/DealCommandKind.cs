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
}

namespace RevBot.Core.DataHealth;

public enum MergeStatus
{
    Merged,
    Undone,

    /// <summary>Not allowed (role, undo window, already undone, the removed id taken again).</summary>
    Refused,
    NotFound,
    UnknownUser,
    Invalid,
}

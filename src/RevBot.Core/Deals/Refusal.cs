namespace RevBot.Core.Deals;

/// <summary>
/// Why a person may not run a command that changes records, and the sentence that tells them (nothing was changed).
/// Callers pick their status from <see cref="Reason"/>, never from the text.
/// </summary>
public sealed record Refusal(RefusalReason Reason, string Text);

/// <summary>The rule a <see cref="Refusal"/> comes from (see <see cref="DealPermissions"/>).</summary>
public enum RefusalReason
{
    /// <summary>The chat account is not linked to a RevBot user.</summary>
    UnknownUser,

    /// <summary>The deal has no owner: only RevOps may change it.</summary>
    NoOwner,

    /// <summary>Someone else's deal, outside the person's reporting line.</summary>
    NotOwner,

    /// <summary>Reopening a closed deal, or turning won into lost: managers and RevOps.</summary>
    Reopen,

    /// <summary>Merging two records: managers and RevOps.</summary>
    Merge,

    /// <summary>Undoing a merge: RevOps.</summary>
    UndoMerge,
}

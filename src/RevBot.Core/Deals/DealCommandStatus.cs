namespace RevBot.Core.Deals;

/// <summary>What became of a command. Only <see cref="Applied"/> changed anything.</summary>
public enum DealCommandStatus
{
    Applied,

    /// <summary>Every value equals the deal's: nothing written, version unchanged.</summary>
    Unchanged,

    /// <summary>A field is wrong: see <see cref="DealCommandResult.Errors"/>.</summary>
    Invalid,

    /// <summary>The deal changed since the version the command was based on.</summary>
    Stale,

    /// <summary>The user may not make this change.</summary>
    Forbidden,

    /// <summary>The chat user is not a RevBot user.</summary>
    UnknownUser,
    NotFound,

    /// <summary>The change needs an approval (IDealChangeGate): nothing applied, a request went to the approver.</summary>
    PendingApproval,
}

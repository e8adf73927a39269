namespace RevBot.Core.Conversation;

/// <summary>
/// Filter values that stand for the asker rather than a stored key. The parser is pure and does not know the asker's
/// team, nor always the asker's e-mail, so the conversation layer replaces these before querying.
/// </summary>
public static class ParsedQuestionKeys
{
    /// <summary>Owner filter for "my …" when <see cref="ParseContext.UserEmail"/> is unknown.</summary>
    public const string Me = "@me";

    /// <summary>Team filter for "my team".</summary>
    public const string MyTeam = "@myteam";
}

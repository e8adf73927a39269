namespace RevBot.Core.Conversation;

public enum Intent
{
    Metric,
    List,
    Definition,
    Help,
    Clarify,
    Unknown,
}

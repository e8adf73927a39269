namespace RevBot.Core.Conversation;

public enum ComparisonKind
{
    PreviousPeriod,
    SameLastYear,
}

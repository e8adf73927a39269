namespace RevBot.Core.Domain;

public enum ActivityType
{
    Call,
    Email,
    Meeting,
    Note,
    Task,
}

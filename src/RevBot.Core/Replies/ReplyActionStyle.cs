namespace RevBot.Core.Replies;

public enum ReplyActionStyle
{
    Default,
    Primary,
    Danger,
}

namespace RevBot.Core.Watches;

/// <summary>
/// The buttons on a fired watch's message (routed by <c>WatchActionRoute</c>). Value: <c>ReplyFormState.Encode()</c>
/// of (the watch's id, 0, a nonce per message, the message's language): the nonce makes each press of one button on
/// one message a single command, so a press delivered twice changes the watch once.
/// </summary>
public static class WatchActionIds
{
    public const string Prefix = "watch.";
    public const string Stop = "watch.stop";
    public const string SnoozeDay = "watch.snooze.day";
    public const string SnoozeWeek = "watch.snooze.week";
}

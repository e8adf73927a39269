using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>Replies that are not cards: polite refusals shown to the person who acted.</summary>
internal static class DealReplies
{
    public static Reply Refused(string title, string text) => new() { Kind = ReplyKind.Refused, Title = title, Text = text };
}

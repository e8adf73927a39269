namespace RevBot.Core.Replies;

/// <summary>A reply read as one line where a platform shows no title (a notification, a Teams toast, the fallback text).</summary>
public static class ReplyText
{
    /// <summary>
    /// "Deal updated: Acme is now in Proposal."; a title that is already a sentence ("Who are you?", "¿Quién eres?") is
    /// followed by the text after a space, not a colon ("Who are you? I can't find…", never "Who are you?: …").
    /// </summary>
    public static string TitleAndText(string? title, string? text)
    {
        if (string.IsNullOrWhiteSpace(title)) return text ?? "";
        if (string.IsNullOrWhiteSpace(text)) return title;
        var t = title.TrimEnd();
        return t[^1] is '?' or '!' or '.' or ':' or '…' ? $"{t} {text}" : $"{t}: {text}";
    }
}

using System.Text;

namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>
/// Text helpers for Slack's mrkdwn: escaping the three control characters (so "&lt;!channel&gt;" typed by a user or
/// stored in a deal name stays text) and cutting to a limit without breaking an entity or a surrogate pair.
/// </summary>
public static class Mrkdwn
{
    public const string Ellipsis = "…";

    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Returns <paramref name="text"/>, or its start and "…" in at most <paramref name="max"/> characters.</summary>
    public static string Fit(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max) return text;
        return text[..SafeCut(text, max - Ellipsis.Length)].TrimEnd() + Ellipsis;
    }

    /// <summary>Splits long text at whitespace into pieces of at most <paramref name="max"/> characters, the last one cut if needed.</summary>
    public static IReadOnlyList<string> Chunks(string text, int max, int maxChunks)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = new List<string>();
        var rest = text;
        while (rest.Length > max && chunks.Count < maxChunks - 1)
        {
            var at = rest.LastIndexOfAny([' ', '\n'], max - 1, max / 2);
            if (at <= 0) at = Math.Max(1, SafeCut(rest, max));
            chunks.Add(rest[..at].TrimEnd());
            rest = rest[at..].TrimStart();
        }
        if (rest.Length > 0) chunks.Add(Fit(rest, max));
        return chunks;
    }

    /// <summary>Moves a cut left so it splits neither a surrogate pair nor an escaped entity (at most 5 characters: &amp;amp;).</summary>
    private static int SafeCut(string text, int cut)
    {
        if (cut <= 0) return 0;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        var amp = cut > 0 ? text.LastIndexOf('&', cut - 1, Math.Min(cut, 4)) : -1;
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && (semi < 0 || semi >= cut)) cut = amp;
        return cut;
    }

    /// <summary>A preformatted block: Slack's ``` fence, with backticks in the content neutralised so it cannot close early.</summary>
    public static string CodeBlock(IEnumerable<string> escapedLines)
    {
        var sb = new StringBuilder("```\n");
        foreach (var line in escapedLines) sb.Append(line.Replace('`', '\'')).Append('\n');
        return sb.Append("```").ToString();
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>
/// Core's reply text is plain; Teams renders TextBlock and Fact text as Markdown. Escaping the Markdown characters keeps
/// "Q3 *estimate*" or "acme_corp" from turning into italics, and a line starting "1. " from becoming a list.
/// </summary>
public static partial class CardText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '~') escaped.Append('\\');
            escaped.Append(c);
        }
        // Markdown joins single line breaks; plain text meant them, so make each one a paragraph break.
        var lines = escaped.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join("\n\n", lines.Select(l => ListMarker().Replace(l, m => EscapeMarker(m.Value))));
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, ending with an ellipsis.</summary>
    public static string Truncate(string text, int max) =>
        text is null || text.Length <= max ? text ?? "" : text[..Math.Max(0, max - 1)].TrimEnd() + "…";

    // "1." → "1\.", "-" → "\-": the line stays text instead of becoming a list item.
    private static string EscapeMarker(string marker) =>
        marker.EndsWith('.') ? marker[..^1] + "\\." : marker[..^1] + "\\" + marker[^1];

    [GeneratedRegex(@"^\s*(\d+\.|[-+])(?=\s)")]
    private static partial Regex ListMarker();
}

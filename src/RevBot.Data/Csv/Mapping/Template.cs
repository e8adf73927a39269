using System.Text;

namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// Text with source columns in braces: <c>"{account|(no account)} {product}"</c>. After <c>|</c> comes the text used when
/// the column is empty. <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal sealed class Template(IReadOnlyList<Template.Part> parts)
{
    /// <summary>Literal text (<see cref="Column"/> -1) or a column with its fallback.</summary>
    internal sealed record Part(string Text, int Column, string Fallback);

    public IReadOnlyList<Part> Parts => parts;

    public string Render(MappedRow row)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
            text.Append(part.Column < 0 ? part.Text : row[part.Column] is { Length: > 0 } v ? v : part.Fallback);
        return text.ToString().Trim();
    }

    /// <summary>Splits the text into parts; the column names are resolved by <paramref name="column"/> (-1: unknown, reported by it).</summary>
    public static Template? Parse(string text, Func<string, int> column, Action<string> error)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                error("a '}' without its '{' (write }} for a brace)");
                return null;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                error("a '{' without its '}' (write {{ for a brace)");
                return null;
            }
            if (literal.Length > 0) parts.Add(new Part(literal.ToString(), -1, ""));
            literal.Clear();
            var inside = text[(i + 1)..end];
            var bar = inside.IndexOf('|', StringComparison.Ordinal);
            var name = (bar < 0 ? inside : inside[..bar]).Trim();
            var index = column(name);
            if (index < 0) return null;
            parts.Add(new Part("", index, bar < 0 ? "" : inside[(bar + 1)..]));
            i = end;
        }
        if (literal.Length > 0) parts.Add(new Part(literal.ToString(), -1, ""));
        return new Template(parts);
    }
}

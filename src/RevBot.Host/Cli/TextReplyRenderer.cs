using System.Text;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Host.Cli;

/// <summary>Renders a reply for a terminal: title, notice, the headline number, text, facts, an aligned table, rows, small print and the suggested next questions.</summary>
internal static class TextReplyRenderer
{
    /// <param name="language">"en" or "es": the renderer's own words ("Try:", "… and 3 more") follow the answer's language.</param>
    public static string Render(Reply reply, string language = "en")
    {
        var sb = new StringBuilder();
        sb.AppendLine(reply.Title);
        if (reply.Notice is { } notice) sb.AppendLine("» " + notice);
        // The headline number and its move ("63.2%  Win rate  ▲ 4.1 pts vs Q3 2026"); the text below stays complete.
        if (reply.Headline is { } h) sb.AppendLine(string.Join("  ", new[] { h.Value, h.Label, h.Delta?.Text }.Where(p => p is not null)));
        sb.AppendLine(reply.Text);
        var width = reply.Facts.Select(f => f.Label.Length).DefaultIfEmpty(0).Max();
        foreach (var fact in reply.Facts) sb.AppendLine($"  {fact.Label.PadRight(width)}  {fact.Value}");
        if (reply.Table is { } table) AppendTable(sb, table, language);
        foreach (var row in reply.Rows) sb.AppendLine(row.Text);
        foreach (var line in reply.Context) sb.AppendLine("  " + line);
        var asks = reply.Actions.Where(a => a.Id == "ask").Select(a => a.Value).ToList();
        if (asks.Count > 0) sb.AppendLine("  " + Texts.Get(language, nameof(Catalog.CliTry), string.Join(" | ", asks)));
        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, ReplyTable table, string language)
    {
        var widths = table.Columns.Select((c, i) => Math.Max(c.Length, table.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) =>
            table.NumericColumns.Contains(i) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        sb.AppendLine(Line(table.Columns));
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in table.Rows) sb.AppendLine(Line(row));
        if (table.TotalRows > table.Rows.Count) sb.AppendLine(Texts.Get(language, nameof(Catalog.CliMoreRows), table.TotalRows - table.Rows.Count));
    }
}

using System.Text;
using RevBot.Core.Replies;

namespace RevBot.Host.Cli;

/// <summary>A digest reply for a terminal: title, aligned headline numbers with the question behind each, sections, charts, small print.</summary>
internal static class DigestTextRenderer
{
    public static string Render(Reply reply, string chartFolder)
    {
        var sb = new StringBuilder();
        sb.AppendLine(reply.Title);
        sb.AppendLine();
        var width = reply.Facts.Select(f => f.Label.Length).DefaultIfEmpty(0).Max();
        foreach (var fact in reply.Facts)
            sb.AppendLine($"  {fact.Label.PadRight(width)}  {fact.Value}{(fact.Ask is { } a ? $"   [ask: {a.Value}]" : "")}");
        foreach (var section in reply.Sections)
        {
            sb.AppendLine();
            sb.AppendLine(section.Title);
            if (section.Items.Count == 0) sb.AppendLine($"  {section.EmptyText}");
            foreach (var item in section.Items) sb.AppendLine($"  • {item.Text}");
        }
        if (reply.Images.Count > 0)
        {
            sb.AppendLine();
            foreach (var image in reply.Images) sb.AppendLine($"Chart: {Path.Combine(chartFolder, image.FileName)} ({image.Title})");
        }
        sb.AppendLine();
        foreach (var line in reply.Context) sb.AppendLine("  " + line);
        return sb.ToString();
    }
}

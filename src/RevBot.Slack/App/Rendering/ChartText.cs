using System.Globalization;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>
/// A chart without an image: horizontal bars in a code block. Enough to see a trend in a thread; a rendered image can
/// replace it once charts are uploaded as files.
/// </summary>
internal static class ChartText
{
    public const int BarWidth = 20;
    public const int MaxPoints = 24;
    public const int MaxLabelWidth = 14;

    public static string Render(ReplyChart chart, string andMoreFormat, string language = "en")
    {
        var points = chart.Points.Take(MaxPoints).ToList();
        var max = points.Select(p => p.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var labels = points.Select(p => Mrkdwn.Fit(p.Label.ReplaceLineEndings(" "), MaxLabelWidth)).ToList();
        var labelWidth = labels.Select(l => l.Length).DefaultIfEmpty(0).Max();
        var lines = points.Select((p, i) =>
        {
            var bar = max > 0 && double.IsFinite(p.Value) && p.Value > 0 ? new string('█', Math.Max(1, (int)Math.Round(p.Value / max * BarWidth))) : "";
            var value = double.IsFinite(p.Value) ? Formats.Decimal((decimal)p.Value, language, 2, trimZeros: true) : "–";
            return Mrkdwn.Escape($"{labels[i].PadRight(labelWidth)} {bar.PadRight(BarWidth)} {value}{(chart.Unit is { Length: > 0 } u ? " " + u : "")}".TrimEnd());
        });
        var title = chart.Title.Length > 0 ? $"*{Mrkdwn.Fit(Mrkdwn.Escape(chart.Title), 200)}*\n" : "";
        var more = chart.Points.Count > points.Count ? "\n_" + string.Format(CultureInfo.InvariantCulture, andMoreFormat, Formats.Number(chart.Points.Count - points.Count, language)) + "_" : "";
        return Mrkdwn.Fit(title + Mrkdwn.CodeBlock(lines) + more, BlockKitLimits.SectionText);
    }
}

using RevBot.Core.Conversation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace RevBot.Core.Digests;

/// <summary>
/// Draws a digest chart as an 800×400 PNG in-process with ScottPlot (Skia, with Linux native assets that need no
/// system libraries). Money axes and labels read like the text ("$1.2M"); the same data gives the same image size.
/// </summary>
public static class DigestChartRenderer
{
    public const int Width = 800;
    public const int Height = 400;

    // ScottPlot's choice among the machine's fonts (Debian: fonts-dejavu-core), set on every text of the plot.
    private static readonly string Font = Fonts.Default;

    public static DigestImage Render(DigestChart chart, string language, string currency)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var format = new AnswerFormatter(language, currency);
        string Money(double v) => format.Money((decimal)Math.Round(v));
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(chart.Title);
        var positions = Enumerable.Range(0, chart.Bars.Count).Select(i => (double)i).ToArray();
        switch (chart.Kind)
        {
            case DigestChartKind.Waterfall:
                DigestChartShapes.Waterfall(plot, chart.Bars, Money);
                break;
            case DigestChartKind.CumulativeAgainstTarget:
                DigestChartShapes.Cumulative(plot, chart, positions, language == "es");
                break;
            default:
                var bars = plot.Add.Bars(chart.Bars.Select(b => (double)b.Value).ToArray());
                foreach (var bar in bars.Bars)
                {
                    bar.LineWidth = 0;
                    bar.Label = Money(bar.Value);
                }
                bars.ValueLabelStyle.FontName = Font;
                plot.Axes.Margins(bottom: 0);
                break;
        }
        plot.Axes.Bottom.TickGenerator = new NumericManual(positions, [.. chart.Bars.Select(b => b.Label)]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Money };
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new DigestImage(chart.FileName, chart.Title, Width, Height, png);
    }

}

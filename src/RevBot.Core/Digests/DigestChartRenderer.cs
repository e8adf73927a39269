using RevBot.Core.Answers;
using RevBot.Core.Images;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

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
        using var plot = Draw(chart, language, currency);
        return new DigestImage(chart.FileName, chart.Title, Width, Height, Png(plot));
    }

    /// <summary>
    /// The PNG encoder's settings: the "up" row filter and zlib level 3. Skia's default (every filter tried on every row,
    /// level 6) spent about two thirds of a chart's CPU (~15 of ~23 ms) compressing; charts are flat colours and
    /// horizontal edges, which "up" alone compresses nearly as well. The pixels are the same (PNG is lossless), the file
    /// about 10–15% larger (~30 KB).
    /// </summary>
    private static readonly SKPngEncoderOptions PngEncoding = new(SKPngEncoderFilterFlags.Up, 3);

    /// <summary>The plot drawn on a surface as ScottPlot's own <c>GetImage</c> makes it, encoded with <see cref="PngEncoding"/>.</summary>
    private static byte[] Png(Plot plot)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not make a surface for the chart.");
        plot.Render(surface.Canvas, Width, Height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(PngEncoding) ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return data.ToArray();
    }

    /// <summary>The chart as a ScottPlot plot, ready to render (tests compare its pixels with ScottPlot's own PNG).</summary>
    internal static Plot Draw(DigestChart chart, string language, string currency)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var format = new AnswerFormatter(language, currency);
        string Money(double v) => format.Money((decimal)Math.Round(v));
        // Money rounds to whole units like the text; other units keep their decimals (a ratio is a fraction).
        string Value(double v) => chart.Unit == Metrics.MetricUnit.Currency ? Money(v) : format.Value((decimal)v, chart.Unit);
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
                DigestChartShapes.Cumulative(plot, chart, positions, language);
                break;
            default:
                var bars = plot.Add.Bars(chart.Bars.Select(b => (double)b.Value).ToArray());
                // Past a dozen and a half bars the value labels would overlap: the axis and the text carry the numbers.
                var labelled = chart.Bars.Count <= MaxLabelledBars;
                foreach (var bar in bars.Bars)
                {
                    bar.LineWidth = 0;
                    if (labelled) bar.Label = Value(bar.Value);
                }
                bars.ValueLabelStyle.FontName = Font;
                // Room above the tallest bar for its value label.
                plot.Axes.Margins(bottom: 0, top: 0.15);
                break;
        }
        plot.Axes.Bottom.TickGenerator = new NumericManual(positions, BottomLabels(chart));
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (chart.Kind == DigestChartKind.Bars) SlantLongLabels(plot, chart);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Value };
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }

    /// <summary>Bars that still get a value label and a label under each; more show every n-th label only.</summary>
    public const int MaxLabelledBars = 16;

    private const int MaxLabelLength = 18;

    /// <summary>Every label of a short chart; of a long plain bar chart (30 days) every n-th, so they do not overlap.</summary>
    private static string[] BottomLabels(DigestChart chart)
    {
        var step = chart.Kind == DigestChartKind.Bars ? (chart.Bars.Count + MaxLabelledBars - 1) / MaxLabelledBars : 1;
        return [.. chart.Bars.Select((b, i) => i % Math.Max(1, step) != 0 ? ""
            : b.Label.Length > MaxLabelLength ? b.Label[..(MaxLabelLength - 1)] + "…" : b.Label)];
    }

    /// <summary>
    /// Labels too long to sit side by side (rep or account names) are slanted, with room below the axis for them.
    /// Short ones (a digest's stages, quarters) stay level; the digests' stage charts look as before.
    /// </summary>
    private static void SlantLongLabels(Plot plot, DigestChart chart)
    {
        var labels = BottomLabels(chart).Where(l => l.Length > 0).ToList();
        if (labels.Count == 0) return;
        var longest = labels.Max(l => l.Length);
        // About 7 pixels a character at the default size: side by side they need longest × count of the 800.
        if (longest * 7 * labels.Count < Width - 100) return;
        // Rising to the right and ending under its bar, as spreadsheets slant them: the last one stays inside the image.
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = (float)(longest * 7 * 0.71) + 20;
    }

}

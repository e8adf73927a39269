using System.Buffers.Binary;
using RevBot.Core.Digests;
using SkiaSharp;

namespace RevBot.Tests.Digests;

/// <summary>Charts render in-process to 800×400 PNGs.</summary>
public sealed class DigestChartTests
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> Charts() => ["stages", "weekly", "weekly-no-quota", "bridge", "empty"];

    [Theory]
    [MemberData(nameof(Charts))]
    public void A_chart_is_a_png_of_the_expected_size(string name)
    {
        var chart = Chart(name);

        var image = DigestChartRenderer.Render(chart, "en", "USD");

        var png = image.Png.Span;
        Assert.True(png.Length > 2_000, $"{png.Length} bytes");
        Assert.True(png[..8].SequenceEqual(Signature));
        // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png[12..16]));
        Assert.Equal((800, 400), (BinaryPrimitives.ReadInt32BigEndian(png[16..20]), BinaryPrimitives.ReadInt32BigEndian(png[20..24])));
        Assert.Equal((800, 400, chart.FileName), (image.Width, image.Height, image.FileName));
    }

    [Fact]
    public void The_same_chart_renders_to_the_same_bytes()
    {
        var first = DigestChartRenderer.Render(Chart("bridge"), "es", "EUR");
        var second = DigestChartRenderer.Render(Chart("bridge"), "es", "EUR");

        Assert.True(first.Png.Span.SequenceEqual(second.Png.Span));
    }

    /// <summary>
    /// The renderer compresses with its own, cheaper, PNG settings: the image must be the one ScottPlot's own PNG holds,
    /// pixel for pixel, only encoded differently.
    /// </summary>
    [Theory]
    [MemberData(nameof(Charts))]
    public void A_chart_has_the_pixels_of_ScottPlot_s_own_png(string name)
    {
        var chart = Chart(name);

        var image = DigestChartRenderer.Render(chart, "es", "EUR");
        using var plot = DigestChartRenderer.Draw(chart, "es", "EUR");
        var reference = plot.GetImageBytes(DigestChartRenderer.Width, DigestChartRenderer.Height, ScottPlot.ImageFormat.Png);

        using var ours = SKBitmap.Decode(image.Png.ToArray());
        using var theirs = SKBitmap.Decode(reference);
        Assert.Equal((theirs.Width, theirs.Height), (ours.Width, ours.Height));
        Assert.True(ours.GetPixelSpan().SequenceEqual(theirs.GetPixelSpan()), "the pixels differ");
        Assert.False(image.Png.Span.SequenceEqual(reference), "encoded as ScottPlot encodes it: the cheaper settings are not used");
    }

    private static DigestChart Chart(string name) => name switch
    {
        "stages" => new DigestChart("pipeline_by_stage", "sales-pipeline-by-stage.png", "Pipeline by stage, closing Q1 2026", DigestChartKind.Bars,
            [new("Prospecting", 2_600_000m), new("Qualification", 1_800_000m), new("Discovery", 5_400_000m), new("Proposal", 5_600_000m), new("Negotiation", 6_200_000m)]),
        "weekly" or "weekly-no-quota" => new DigestChart("bookings_by_week", "sales-bookings-by-week.png", "Bookings by week, Q1 2026", DigestChartKind.CumulativeAgainstTarget,
            [.. Enumerable.Range(0, 12).Select(i => new DigestChartBar($"Jan {1 + (7 * i)}", 100_000m * (i % 4 + 1)))])
        {
            Target = name == "weekly" ? 3_000_000m : null,
            TargetLabel = name == "weekly" ? "Quota" : null,
        },
        "bridge" => new DigestChart("arr_bridge", "finance-arr-bridge.png", "ARR bridge, Q1 2026 to date", DigestChartKind.Waterfall,
            [new("Start", 12_000_000m, true), new("New", 800_000m), new("Expansion", 300_000m), new("Contraction", -120_000m), new("Churn", -400_000m), new("End", 12_580_000m, true)]),
        _ => new DigestChart("pipeline_by_stage", "empty.png", "Pipeline by stage", DigestChartKind.Bars, []),
    };
}

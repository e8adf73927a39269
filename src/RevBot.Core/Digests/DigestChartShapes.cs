using RevBot.Core.Localization;
using ScottPlot;

namespace RevBot.Core.Digests;

/// <summary>The two composite chart shapes: a waterfall (the ARR bridge) and bars with a running total against a target.</summary>
internal static class DigestChartShapes
{
    /// <summary>Totals stand on zero; each step starts where the previous bar ended, green up and red down.</summary>
    public static void Waterfall(Plot plot, IReadOnlyList<DigestChartBar> steps, Func<double, string> money)
    {
        var bars = new List<Bar>();
        var level = 0d;
        for (var i = 0; i < steps.Count; i++)
        {
            var value = (double)steps[i].Value;
            var total = steps[i].IsTotal;
            var start = total ? 0 : level;
            level = total ? value : level + value;
            bars.Add(new Bar
            {
                Position = i,
                ValueBase = start,
                Value = level,
                FillColor = total ? Colors.SteelBlue : value >= 0 ? Colors.SeaGreen : Colors.IndianRed,
                LineWidth = 0,
                Label = total ? money(value) : (value >= 0 ? "+" : "") + money(value),
            });
        }
        plot.Add.Bars(bars);
        var top = bars.Count == 0 ? 1 : bars.Max(b => Math.Max(b.Value, b.ValueBase));
        plot.Axes.SetLimitsY(0, top <= 0 ? 1 : top * 1.12);
    }

    /// <summary>One bar per week, the running total as a line, the target (quota) as a dashed line.</summary>
    public static void Cumulative(Plot plot, DigestChart chart, double[] positions, string language)
    {
        var weekly = plot.Add.Bars(chart.Bars.Select(b => (double)b.Value).ToArray());
        weekly.LegendText = Texts.Get(language, nameof(Catalog.DigestChartWeekly));
        foreach (var bar in weekly.Bars) bar.LineWidth = 0;
        var running = 0d;
        var totals = chart.Bars.Select(b => running += (double)b.Value).ToArray();
        if (totals.Length > 0)
        {
            var line = plot.Add.Scatter(positions, totals);
            line.LegendText = Texts.Get(language, nameof(Catalog.DigestChartRunningTotal));
            line.Color = Colors.Navy;
            line.LineWidth = 2;
            line.MarkerSize = 5;
        }
        var top = totals.Length == 0 ? 1 : Math.Max(1, totals.Max());
        if (chart.Target is { } target)
        {
            var quota = plot.Add.HorizontalLine((double)target);
            quota.LegendText = chart.TargetLabel ?? "Target";
            quota.LinePattern = LinePattern.Dashed;
            quota.Color = Colors.DarkOrange;
            quota.LineWidth = 2;
            top = Math.Max(top, (double)target);
        }
        plot.Axes.SetLimitsY(0, top * 1.1);
        plot.ShowLegend(Alignment.UpperLeft);
    }
}

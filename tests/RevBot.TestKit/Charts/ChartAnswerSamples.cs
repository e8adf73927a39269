using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>Answers as the composers write them, drawn by <see cref="AnswerCharts"/>: for the chart, card and size tests.</summary>
public static class ChartAnswerSamples
{
    public static readonly string[] Months = ["Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026"];

    /// <summary>Bookings by month over a year: twelve points, each with its value in the text and the table.</summary>
    public static Answer BookingsByMonth(string language = "en")
    {
        var values = Months.Select((_, i) => 1_000_000m + (250_000m * (i % 5))).ToList();
        var text = "Bookings, Dec 2025 – Nov 2026: " + string.Join(", ", Months.Select((m, i) => $"{m} ${values[i] / 1_000_000m:0.##}M")) + ".";
        return new Answer
        {
            Understood = true, Intent = "metric", Language = language, Metric = "bookings", GroupBy = "period", Unit = "currency", Currency = "USD",
            Period = new AnswerPeriod("2025-12-01", "2026-11-30", "Dec 2025 – Nov 2026"),
            Breakdown = [.. Months.Select((m, i) => new AnswerBreakdownEntry($"2026-{i + 1:00}-01", m, values[i], null, null))],
            Text = text,
            Reply = new Reply
            {
                Title = "Bookings · Dec 2025 – Nov 2026", Text = text,
                Table = new ReplyTable(["Period", "Bookings"], [.. Months.Select((m, i) => (IReadOnlyList<string>)[m, $"${values[i] / 1_000_000m:0.##}M"])], 12) { NumericColumns = new HashSet<int> { 1 } },
            },
        };
    }

    /// <summary>Win rate by rep with <paramref name="reps"/> reps: a breakdown (more than the chart draws when over 12).</summary>
    public static Answer WinRateByRep(int reps, string language = "en") => new()
    {
        Understood = true, Intent = "metric", Language = language, Metric = "win_rate", GroupBy = "owner", Unit = "ratio", Value = 0.31m,
        Period = new AnswerPeriod("2026-10-01", "2026-11-27", "Q4 2026 to date"),
        Breakdown = [.. Enumerable.Range(0, reps).Select(i => new AnswerBreakdownEntry($"rep{i}@example.com", $"Rep {i + 1}", 0.60m - (0.02m * i), 6 - i, 10))],
        Text = "Win rate for Q4 2026 to date is 31.0%.",
        Reply = new Reply { Title = "Win rate · Q4 2026 to date", Text = "Win rate for Q4 2026 to date is 31.0%.", Context = ["Q4 2026 to date: Oct 1 – Nov 27, 2026"] },
    };

    /// <summary>One number: bookings today.</summary>
    public static Answer BookingsToday(string language = "en") => new()
    {
        Understood = true, Intent = "metric", Language = language, Metric = "bookings", Unit = "currency", Currency = "USD", Value = 120_000m,
        Period = new AnswerPeriod("2026-11-27", "2026-11-27", "Nov 27, 2026"),
        Text = "Bookings for Nov 27, 2026 is $120K.",
        Reply = new Reply { Title = "Bookings · Nov 27, 2026", Text = "Bookings for Nov 27, 2026 is $120K." },
    };

    public static ParsedQuestion Trend(PeriodGrain grain = PeriodGrain.Month) => new() { Intent = Intent.Metric, Metric = "bookings", TrendGrain = grain, Chart = true };

    public static ParsedQuestion ByRep() => new() { Intent = Intent.Metric, Metric = "win_rate", GroupBy = RevBot.Core.Metrics.Dimension.Owner, Chart = true };

    /// <summary>The trend's reply as the Teams card shows it: its chart stored under a token.</summary>
    public static Reply StoredChartReply()
    {
        var answer = AnswerCharts.Draw(BookingsByMonth(), Trend(), "USD", asked: true);
        return answer.Reply with { Images = [.. answer.Reply.Images.Select(i => i with { Token = "c1h2a3r4t5t6o7k8e9n0a1b2c3d4e5f6g7h8i9j0k1l" })] };
    }
}

using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Testing;

namespace RevBot.Tests.Conversation;

/// <summary>An answer's chart: the digests' PNG with one bar per point, alt text with the numbers, and the text unchanged.</summary>
public sealed class AnswerChartTests
{
    [Fact]
    public void A_trend_asked_as_a_chart_gets_an_800_by_400_png_with_one_bar_per_period_and_keeps_its_text()
    {
        var plain = ChartAnswerSamples.BookingsByMonth();

        var drawn = AnswerCharts.Draw(plain, ChartAnswerSamples.Trend(), "USD", asked: true);

        var png = drawn.ChartImage!.Png.ToArray();
        Assert.Equal((800, 400), PngBars.Size(png));
        Assert.Equal(12, PngBars.Count(png));
        Assert.Equal(plain.Text, drawn.Text);
        Assert.Equal(plain.Reply.Text, drawn.Reply.Text);
        Assert.Equal(new AnswerChart("bookings-by-month.png", "Bookings by month, Dec 2025 – Nov 2026", drawn.Chart!.AltText, 12, 800, 400), drawn.Chart);
        var image = Assert.Single(drawn.Reply.Images);
        Assert.Equal(("bookings-by-month.png", drawn.Chart.Title, drawn.Chart.AltText, (string?)null), (image.FileName, image.Title, image.AltText, image.Token));
        Assert.StartsWith("Bar chart: Bookings by month, Dec 2025 – Nov 2026. Dec 2025 $1M; Jan 2026 $1.25M;", drawn.Chart.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_breakdown_draws_its_first_12_groups_with_percent_labels_and_says_the_table_has_the_rest()
    {
        var drawn = AnswerCharts.Draw(ChartAnswerSamples.WinRateByRep(20), ChartAnswerSamples.ByRep(), "USD", asked: true);

        Assert.Equal(12, PngBars.Count(drawn.ChartImage!.Png.ToArray()));
        Assert.Equal(("win-rate-by-owner.png", "Win rate by rep, Q4 2026 to date", 12), (drawn.Chart!.File, drawn.Chart.Title, drawn.Chart.Points));
        Assert.Contains("Rep 1 60.0%; Rep 2 58.0%", drawn.Chart.AltText, StringComparison.Ordinal);
        Assert.DoesNotContain("Rep 13", drawn.Chart.AltText, StringComparison.Ordinal);
        Assert.Contains("The chart shows the first 12 of 20; the table lists them all.", drawn.Reply.Context);
    }

    [Fact]
    public void A_spanish_chart_is_titled_and_read_in_spanish()
    {
        var drawn = AnswerCharts.Draw(ChartAnswerSamples.WinRateByRep(3, "es"), ChartAnswerSamples.ByRep(), "EUR", asked: true);

        var name = MetricCatalog.Get("win_rate").Name("es");
        Assert.Equal($"{char.ToUpperInvariant(name[0])}{name[1..]} por comercial, Q4 2026 to date", drawn.Chart!.Title);
        Assert.StartsWith("Gráfico de barras: ", drawn.Chart.AltText, StringComparison.Ordinal);
        Assert.Contains("Rep 1 60,0\u00A0%", drawn.Chart.AltText, StringComparison.Ordinal);
        Assert.Equal(3, PngBars.Count(drawn.ChartImage!.Png.ToArray()));
    }

    [Theory]
    [InlineData("en", "A chart needs a series of values", "chart bookings by month")]
    [InlineData("es", "Un gráfico necesita una serie de valores", "gráfico de ventas cerradas por mes")]
    public void One_number_asked_as_a_chart_says_a_chart_needs_a_series_and_offers_it_by_month(string language, string sentence, string question)
    {
        var plain = ChartAnswerSamples.BookingsToday(language);

        var answered = AnswerCharts.Draw(plain, new ParsedQuestion { Intent = Intent.Metric, Metric = "bookings", Language = language, Chart = true }, "USD", asked: true);

        Assert.Null(answered.Chart);
        Assert.Null(answered.ChartImage);
        Assert.Empty(answered.Reply.Images);
        Assert.StartsWith(plain.Text + " " + sentence, answered.Text, StringComparison.Ordinal);
        Assert.Equal(answered.Text, answered.Reply.Text);
        Assert.Equal(question, answered.Reply.Actions[0].Value);
        Assert.Equal(120_000m, answered.Value);
    }

    [Fact]
    public void An_answer_charted_only_because_the_cli_asked_is_left_alone_when_it_has_no_series()
    {
        var plain = ChartAnswerSamples.BookingsToday();

        Assert.Same(plain, AnswerCharts.Draw(plain, new ParsedQuestion { Intent = Intent.Metric, Metric = "bookings" }, "USD", asked: false));
    }

    [Fact]
    public void A_ranked_list_draws_its_rows_and_a_long_daily_trend_draws_every_day()
    {
        var list = new Answer
        {
            Understood = true, Intent = "list", Metric = "bookings", GroupBy = "owner", Limit = 5, Unit = "currency",
            Items = [.. Enumerable.Range(1, 5).Select(i => new AnswerItem($"r{i}", $"Rep {i}", 100_000m * (6 - i)))],
            Text = "Top 5 reps by bookings.", Reply = new RevBot.Core.Replies.Reply { Kind = RevBot.Core.Replies.ReplyKind.List, Title = "Top 5 reps by bookings · Q4 2026", Text = "Top 5 reps by bookings." },
        };
        var days = new Answer
        {
            Understood = true, Intent = "metric", Metric = "bookings", GroupBy = "period", Unit = "currency",
            Breakdown = [.. Enumerable.Range(1, 30).Select(d => new AnswerBreakdownEntry($"2026-11-{d:00}", $"Nov {d}", 10_000m + (d * 1_000m), null, null))],
            Text = "Bookings by day.", Reply = new RevBot.Core.Replies.Reply { Title = "Bookings · Nov 2026", Text = "Bookings by day." },
        };

        var drawnList = AnswerCharts.Draw(list, new ParsedQuestion { Intent = Intent.List, Chart = true }, "USD", asked: true);
        var drawnDays = AnswerCharts.Draw(days, ChartAnswerSamples.Trend(PeriodGrain.Day), "USD", asked: true);

        Assert.Equal(("Top 5 reps by bookings, Q4 2026", 5), (drawnList.Chart!.Title, PngBars.Count(drawnList.ChartImage!.Png.ToArray())));
        Assert.Equal(("bookings-by-day.png", 30), (drawnDays.Chart!.File, PngBars.Count(drawnDays.ChartImage!.Png.ToArray())));
    }

    [Theory]
    [InlineData("win rate by quarter", "and as a chart?")]
    [InlineData("tasa de cierre por trimestre", "¿y en un gráfico?")]
    public void A_follow_up_asking_for_a_chart_draws_the_previous_question_and_later_follow_ups_keep_it(string first, string followUp)
    {
        var context = TestVocabulary.Context(new DateOnly(2026, 11, 27));
        var previous = QuestionParser.Parse(first, context);

        var merged = FollowUpMerger.Merge(QuestionParser.Parse(followUp, context), previous)!;
        var next = FollowUpMerger.Merge(QuestionParser.Parse("and last year?", context), merged)!;

        Assert.False(previous.Chart);
        Assert.Equal(("win_rate", PeriodGrain.Quarter, 4, true), (merged.Metric, merged.TrendGrain, merged.TrendPeriods, merged.Chart));
        Assert.True(next.Chart);
    }

    [Fact]
    public void A_chart_of_a_ratio_is_labelled_as_the_text_writes_it_and_renders_the_same_bytes_twice()
    {
        var chart = new DigestChart("answer", "win-rate-by-quarter.png", "Win rate by quarter", DigestChartKind.Bars,
            [new("Q4 2025", 0.31m), new("Q1 2026", 0.28m), new("Q2 2026", 0.35m), new("Q3 2026", 0.33m)])
        { Unit = MetricUnit.Ratio };

        var first = DigestChartRenderer.Render(chart, "en", "USD");
        var second = DigestChartRenderer.Render(chart, "en", "USD");

        Assert.Equal(4, PngBars.Count(first.Png.ToArray()));
        Assert.True(first.Png.Span.SequenceEqual(second.Png.Span));
    }
}

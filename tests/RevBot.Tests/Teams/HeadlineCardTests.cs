using RevBot.Core.Answers;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Cards;
using RevBot.Testing;

namespace RevBot.Tests.Teams;

/// <summary>
/// A Teams answer leads with its number in extra-large bold type, then its move coloured by good or bad news (never
/// by colour alone: ▲/▼ and the comparison in words), then the period line, then the breakdown; the card's sentence
/// is the lead while the notification keeps the full text; a chart's image reads every number aloud.
/// </summary>
public sealed class HeadlineCardTests
{
    private static Reply Answer(ReplyTone tone, ReplyDirection direction = ReplyDirection.Up) => new()
    {
        Title = "Revenue churn rate · Q4 2026",
        Text = "Revenue churn rate for Q4 2026 is 5.0%, up 2.0\u00A0pts from 3.0% in Q3 2026. By segment: SMB 7.0%, Enterprise 2.0%.",
        Lead = "Revenue churn rate for Q4 2026 is 5.0%, up 2.0\u00A0pts from 3.0% in Q3 2026.",
        Headline = new ReplyHeadline("5.0%", "Revenue churn rate")
        {
            Delta = new ReplyDelta("▲ 2.0\u00A0pts vs Q3 2026", direction, tone),
            Scope = "Q4 2026: Oct 1 – Dec 31, 2026",
        },
        Facts = [new ReplyFact("Q3 2026", "3.0%")],
        Table = new ReplyTable(["Segment", "Revenue churn rate"], [["SMB", "7.0%"], ["Enterprise", "2.0%"]], 2) { NumericColumns = new HashSet<int> { 1 } },
        Context = ["Q4 2026: Oct 1 – Dec 31, 2026", "ARR lost to churn and contraction, over starting ARR."],
    };

    [Fact]
    public void The_number_comes_first_in_extra_large_bold_then_its_move_then_the_period_then_the_breakdown()
    {
        var card = ReplyCardRenderer.Render(Answer(ReplyTone.Bad));
        var texts = card.Body.Select(e => (e as TextBlock)?.Text).ToList();
        var body = card.Body.ToList();

        var value = Assert.IsType<TextBlock>(card.Body[1]);
        Assert.Equal(("5.0%", TextSize.ExtraLarge, TextWeight.Bolder), (value.Text, value.Size, value.Weight));
        Assert.Equal("Revenue churn rate", texts[2]);
        var delta = Assert.IsType<TextBlock>(card.Body[3]);
        Assert.Equal("▲ 2.0\u00A0pts vs Q3 2026", delta.Text);
        Assert.Equal("Q4 2026: Oct 1 – Dec 31, 2026", texts[4]);
        Assert.True(texts.IndexOf("Revenue churn rate for Q4 2026 is 5.0%, up 2.0\u00A0pts from 3.0% in Q3 2026.") > 4);
        Assert.True(body.FindIndex(e => Json(e).Contains("SMB", StringComparison.Ordinal)) > texts.IndexOf(Answer(ReplyTone.Bad).Lead));
        // The period line is said once, under the number, not again in the small print.
        Assert.Single(texts, t => t == "Q4 2026: Oct 1 – Dec 31, 2026");
        // The card shows the lead; the fallback keeps the rows for notifications and screen readers.
        Assert.DoesNotContain(texts, t => t?.Contains("SMB 7.0%", StringComparison.Ordinal) == true);
        Assert.Equal(Answer(ReplyTone.Bad).Text, card.FallbackText);
        Assert.Equal(Answer(ReplyTone.Bad).Text, ReplyCardRenderer.ToActivity(Answer(ReplyTone.Bad)).Summary);
    }

    [Theory]
    [InlineData(ReplyTone.Bad, TextColor.Attention)] // churn up: red
    [InlineData(ReplyTone.Good, TextColor.Good)] // churn down: green
    [InlineData(ReplyTone.Neutral, null)]
    public void The_move_is_coloured_by_good_or_bad_news_and_still_reads_without_colour(ReplyTone tone, TextColor? color)
    {
        var delta = ReplyCardRenderer.Render(Answer(tone)).Body.OfType<TextBlock>().Single(t => t.Text.Contains("vs Q3 2026", StringComparison.Ordinal));
        Assert.Equal(color, delta.Color);
        Assert.StartsWith("▲ ", delta.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_churn_rate_that_went_down_is_green_from_the_composer_to_the_card()
    {
        var q4 = new RevBot.Core.Periods.Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", RevBot.Core.Periods.PeriodGrain.Quarter);
        var q3 = q4 with { Start = new DateOnly(2026, 7, 1), End = new DateOnly(2026, 9, 30), Label = "Q3 2026" };
        var answer = RevBot.Core.Conversation.MetricAnswerComposer.Compose(new RevBot.Core.Conversation.ParsedQuestion { Language = "en", Metric = "logo_churn_rate" },
            new MetricResult(new MetricQuery("logo_churn_rate", q4, MetricQuery.NoFilters), new MetricValue(0.02m), []),
            new MetricResult(new MetricQuery("logo_churn_rate", q3, MetricQuery.NoFilters), new MetricValue(0.04m), []), "USD");
        var delta = ReplyCardRenderer.Render(answer.Reply).Body.OfType<TextBlock>().Single(t => t.Text.StartsWith('▼'));
        Assert.Equal(("▼ 2.0\u00A0pts vs Q3 2026", TextColor.Good), (delta.Text, delta.Color));
    }

    [Fact]
    public void An_answer_chart_image_carries_every_number_in_its_alt_text()
    {
        var reply = ChartAnswerSamples.StoredChartReply();
        var image = ReplyCardRenderer.Render(reply, imageBase: new Uri("https://revbot.example.com/")).Body.OfType<Image>().Single();
        var f = new AnswerFormatter("en", "USD");
        var answer = ChartAnswerSamples.BookingsByMonth();
        Assert.True(image.AltText!.Length > 200, "The sample is long enough to prove no number is cut.");
        Assert.All(answer.Breakdown!, b => Assert.Contains($"{b.Label} {f.Value(b.Value, MetricUnit.Currency)}", image.AltText, StringComparison.Ordinal));
        Assert.Equal(reply.Images.Single().AltText, image.AltText);
        // The numbers are in text too: every row of the table under the chart.
        var json = ReplyCardRenderer.Render(reply).ToJson();
        Assert.All(reply.Table!.Rows.SelectMany(r => r), cell => Assert.Contains(cell, json, StringComparison.Ordinal));
    }

    private static string Json(CardElement element) => System.Text.Json.JsonSerializer.Serialize((object)element, RevBot.Teams.Protocol.Activities.BotJson.Options);
}

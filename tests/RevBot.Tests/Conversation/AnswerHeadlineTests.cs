using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Tests.Conversation;

/// <summary>
/// An answer that is one number (or a breakdown's total) leads with it: the value as the text writes it, its move
/// against the comparison with an arrow and the period in words, good or bad by the metric (churn up is bad); and
/// the card's sentence stops before the rows its table shows, while the full text keeps them for the fallback.
/// </summary>
public sealed class AnswerHeadlineTests
{
    private static readonly Period Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", PeriodGrain.Quarter);
    private static readonly Period Q3 = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "Q3 2026", PeriodGrain.Quarter);

    private static Answer Metric(string metric, decimal? now, decimal? before, string language = "en", IReadOnlyList<BreakdownRow>? rows = null)
    {
        var (q4, q3) = language == "es" ? (Q4 with { Label = "T4 2026" }, Q3 with { Label = "T3 2026" }) : (Q4, Q3);
        var query = new MetricQuery(metric, q4, MetricQuery.NoFilters) { GroupBy = rows is null ? null : Dimension.Owner };
        var comparison = before is null && now is null ? null : new MetricResult(new MetricQuery(metric, q3, MetricQuery.NoFilters), new MetricValue(before), []);
        return MetricAnswerComposer.Compose(new ParsedQuestion { Language = language, Metric = metric },
            new MetricResult(query, new MetricValue(now), rows ?? []), comparison, "USD");
    }

    [Fact]
    public void A_win_rate_leads_with_its_value_and_a_good_move_up_against_the_stated_quarter()
    {
        var headline = Metric("win_rate", 0.632m, 0.591m).Reply.Headline!;
        Assert.Equal(("63.2%", "Win rate"), (headline.Value, headline.Label));
        Assert.Equal(new ReplyDelta("▲ 4.1\u00A0pts vs Q3 2026", ReplyDirection.Up, ReplyTone.Good), headline.Delta);
        Assert.Equal("Q4 2026: Oct 1 – Dec 31, 2026", headline.Scope);

        var es = Metric("win_rate", 0.632m, 0.591m, "es").Reply.Headline!;
        Assert.Equal(("63,2\u00A0%", "Tasa de cierre"), (es.Value, es.Label));
        Assert.Equal(new ReplyDelta("▲ 4,1\u00A0p.\u00A0p. frente a T3 2026", ReplyDirection.Up, ReplyTone.Good), es.Delta);
    }

    [Theory]
    [InlineData("revenue_churn_rate", 0.05, 0.03, "▲ 2.0\u00A0pts vs Q3 2026", ReplyDirection.Up, ReplyTone.Bad)]
    [InlineData("revenue_churn_rate", 0.03, 0.05, "▼ 2.0\u00A0pts vs Q3 2026", ReplyDirection.Down, ReplyTone.Good)]
    [InlineData("bookings", 1_000_000, 1_250_000, "▼ $250K vs Q3 2026", ReplyDirection.Down, ReplyTone.Bad)]
    [InlineData("avg_sales_cycle_days", 40, 52, "▼ 12.0 days vs Q3 2026", ReplyDirection.Down, ReplyTone.Good)]
    [InlineData("bookings", 1_000_000, 1_000_000, "Unchanged vs Q3 2026", ReplyDirection.Flat, ReplyTone.Neutral)]
    public void Whether_a_move_is_good_news_follows_the_metric(string metric, double now, double before, string text, ReplyDirection direction, ReplyTone tone) =>
        Assert.Equal(new ReplyDelta(text, direction, tone), Metric(metric, (decimal)now, (decimal)before).Reply.Headline!.Delta);

    [Fact]
    public void No_number_means_no_headline_and_no_earlier_number_means_no_move()
    {
        var none = Metric("win_rate", null, 0.5m).Reply;
        Assert.Null(none.Headline);
        Assert.Contains(none.Facts, f => f.Label == "Win rate");
        Assert.Null(Metric("win_rate", 0.5m, null).Reply.Headline!.Delta);
        // The headline carries the value, so the facts keep only the earlier period's.
        Assert.Equal([new ReplyFact("Q3 2026", "59.1%")], Metric("win_rate", 0.632m, 0.591m).Reply.Facts);
    }

    [Fact]
    public void A_breakdown_leads_with_its_total_and_its_card_sentence_does_not_repeat_the_rows()
    {
        IReadOnlyList<BreakdownRow> rows = [.. Enumerable.Range(1, 7).Select(i => new BreakdownRow($"rep{i}@example.com", $"Rep {i}", new MetricValue(100_000m * i)))];
        var reply = Metric("bookings", 2_800_000m, 2_000_000m, rows: rows).Reply;

        Assert.Equal(("$2.8M", "▲ $800K vs Q3 2026"), (reply.Headline!.Value, reply.Headline.Delta!.Text));
        Assert.Equal("Bookings for Q4 2026 (Oct 1 – Dec 31, 2026) is $2.8M, up $800K from $2M in Q3 2026.", reply.Lead);
        Assert.DoesNotContain("Rep ", reply.Lead, StringComparison.Ordinal);
        // The full text, the notification and screen-reader fallback, still names the rows the table shows.
        Assert.StartsWith(reply.Lead![..^1], reply.Text, StringComparison.Ordinal);
        Assert.Contains("Rep 5 $500K", reply.Text, StringComparison.Ordinal);
        Assert.Equal(7, reply.Table!.Rows.Count);
    }

    [Fact]
    public void Deals_lost_lead_with_their_total_and_fewer_lost_is_good_news()
    {
        var period = Q4;
        IReadOnlyList<BreakdownRow> reasons = [new("price", "price", new MetricValue(300_000m, 6)), new("timing", "timing", new MetricValue(100_000m, 2))];
        var lost = new MetricResult(new MetricQuery("lost_amount", period, MetricQuery.NoFilters) { GroupBy = Dimension.LossReason }, new MetricValue(400_000m, 8), reasons);
        var before = new MetricResult(new MetricQuery("lost_amount", Q3, MetricQuery.NoFilters), new MetricValue(500_000m, 11), []);
        var reply = LossReasonComposer.Compose(new ParsedQuestion { Language = "en", Metric = "deals_lost" }, lost, before, "USD").Reply;

        Assert.Equal(("8", "Deals lost"), (reply.Headline!.Value, reply.Headline.Label));
        Assert.Equal(new ReplyDelta("▼ 3 vs Q3 2026", ReplyDirection.Down, ReplyTone.Good), reply.Headline.Delta);
        Assert.Equal([new ReplyFact("Lost amount", "$400K")], reply.Facts);
        Assert.DoesNotContain("Price", reply.Lead, StringComparison.Ordinal);
        Assert.Contains("Price 6", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ranked_list_and_a_deal_list_say_what_they_list_above_the_table_not_each_row()
    {
        IReadOnlyList<BreakdownRow> rows = [new("LATAM", "LATAM", new MetricValue(0.3m, 3, 10)), new("EMEA", "EMEA", new MetricValue(0.4m, 4, 10))];
        var ranked = ListAnswerComposer.Groups(new ParsedQuestion { Language = "en", Metric = "win_rate" },
            new MetricResult(new MetricQuery("win_rate", Q4, MetricQuery.NoFilters, Dimension.Region), new MetricValue(0.35m, 7, 20), rows), 3, false, "USD").Reply;
        Assert.Equal("Top 2 regions by win rate for Q4 2026 (Oct 1 – Dec 31, 2026).", ranked.Lead);
        Assert.Contains("1. EMEA 40.0%", ranked.Text, StringComparison.Ordinal);

        var items = new List<DealListItem> { new("d1", "Acme - Platform", 1_200_000m, "Acme", "Dana", "Proposal", null, null) };
        var deals = ListAnswerComposer.Deals(new ParsedQuestion { Language = "es" }, new DealListQuery(DealListKind.Open, null, MetricQuery.NoFilters, 10), items, "USD").Reply;
        Assert.Equal("El mayor negocio abierto.", deals.Lead);
        Assert.Contains("Acme - Platform 1,2\u00A0M\u00A0$", deals.Text, StringComparison.Ordinal);
        items.Add(new("d2", "Beta - Renewal", 300_000m, "Beta", "Ana", "Proposal", null, null));
        var two = ListAnswerComposer.Deals(new ParsedQuestion { Language = "en" }, new DealListQuery(DealListKind.Open, null, MetricQuery.NoFilters, 10), items, "USD").Reply;
        Assert.Equal("Top 2 open deals: $1.5M in total.", two.Lead);
    }

    [Fact]
    public void A_note_added_after_the_text_reaches_the_lead_too()
    {
        var reply = new Reply { Title = "t", Text = "Full text: a, b.", Lead = "Lead." }.WithNote("(I read 'acme' as Acme Corp.)");
        Assert.Equal(("Full text: a, b. (I read 'acme' as Acme Corp.)", "Lead. (I read 'acme' as Acme Corp.)"), (reply.Text, reply.Lead));
        Assert.Null(new Reply { Title = "t", Text = "x" }.WithNote("n").Lead);
    }
}

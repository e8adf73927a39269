using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Tests.Conversation;

/// <summary>The loss-reason answer read aloud, EN and ES: largest first, shares of the total, deals without a reason named as such.</summary>
public sealed class OutcomeTextTests
{
    private static readonly Period Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", PeriodGrain.Quarter);
    private static readonly Period T4 = Q4 with { Label = "T4 2026" };

    private static MetricResult Lost(Period period, params (string Key, decimal Amount, decimal Deals)[] rows) => new(
        new MetricQuery("lost_amount", period, MetricQuery.NoFilters, Dimension.LossReason),
        new MetricValue(rows.Sum(r => r.Amount), rows.Sum(r => r.Deals)),
        [.. rows.Select(r => new BreakdownRow(r.Key, r.Key.Length == 0 ? "(none)" : r.Key, new MetricValue(r.Amount, r.Deals)))]);

    [Fact]
    public void Lost_deals_by_reason_state_count_share_and_amount_and_name_the_missing_reason()
    {
        var result = Lost(Q4, ("price", 25_000m, 1), ("", 10_000m, 3), ("competitor", 15_000m, 1));
        var answer = LossReasonComposer.Compose(new ParsedQuestion { Language = "en", Metric = "deals_lost" }, result, null, "USD");
        Assert.Equal("Deals lost by loss reason for Q4 2026 (Oct 1 – Dec 31, 2026): 5 deals lost, $50K. Most deals first: "
            + "no reason recorded 3 (60.0%, $10K); Price 1 (20.0%, $25K); Competitor 1 (20.0%, $15K).", answer.Text);
        Assert.Equal([3m, 1m, 1m], answer.Breakdown!.Select(b => b.Value!.Value));
        Assert.Equal([0.6m, 0.2m, 0.2m], answer.Breakdown!.Select(b => b.Share!.Value));
        Assert.Equal(("deals_lost", 5m, 50_000m, "loss_reason"), (answer.Metric, answer.Value!.Value, answer.LostAmount!.Value, answer.GroupBy));
    }

    [Fact]
    public void Lost_amount_by_reason_orders_by_money_in_spanish()
    {
        var result = Lost(T4, ("price", 25_000m, 1), ("", 10_000m, 3), ("competitor", 15_000m, 1));
        var answer = LossReasonComposer.Compose(new ParsedQuestion { Language = "es", Metric = "lost_amount" }, result, null, "USD");
        Assert.Equal("Importe perdido por motivo en T4 2026 (del 1 oct al 31 dic 2026): 50\u00A0mil\u00A0$ de 5 negocios perdidos. De mayor a menor importe: "
            + "Price 25\u00A0mil\u00A0$ (50,0\u00A0%, 1 negocio); Competitor 15\u00A0mil\u00A0$ (30,0\u00A0%, 1 negocio); sin motivo registrado 10\u00A0mil\u00A0$ (20,0\u00A0%, 3 negocios).", answer.Text);
        Assert.Equal(("lost_amount", 50_000m, 5m), (answer.Metric, answer.Value!.Value, answer.Numerator!.Value));
        Assert.Equal("Motivos de pérdida · T4 2026", answer.Reply.Title);
    }

    [Fact]
    public void No_lost_deals_says_so()
    {
        var answer = LossReasonComposer.Compose(new ParsedQuestion { Language = "en", Metric = "deals_lost" }, Lost(Q4), null, "USD");
        Assert.Equal("No deals were lost for Q4 2026 (Oct 1 – Dec 31, 2026).", answer.Text);
        Assert.Empty(answer.Breakdown!);
    }
}

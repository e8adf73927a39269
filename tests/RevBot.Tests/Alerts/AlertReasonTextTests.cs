using RevBot.Core.Alerts;

namespace RevBot.Tests.Alerts;

/// <summary>The words of each reason, from hand-made facts: plurals, Spanish, and the variants the dataset does not reach.</summary>
public sealed class AlertReasonTextTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly StalledDealSettings Stalled = new();
    private static readonly ChurnRiskSettings Churn = new();

    private static StalledDealFacts Deal(int? stageDays = 3, int? quietDays = 1, bool hasActivity = true, DateOnly? close = null, int pushes = 0, decimal? before = null) =>
        new("d1", "Deal", "Acme", 30_000m, "Proposal", stageDays, 21.5, quietDays, hasActivity, close ?? Today.AddDays(10), pushes, before, "a@x.test", null);

    private static ChurnRiskFacts Account(int urgent = 0, int high = 0, double? satisfaction = null, double support = 0, int? renewsIn = null, bool hasDeal = false, double renewal = 0) =>
        new("a1", "Acme", 50, null, 0, urgent, high, satisfaction, support, renewsIn, hasDeal, renewal, null, 0, 0, "a@x.test", null);

    private static string[] Stall(StalledDealFacts facts, string language = "en") =>
        [.. StalledDealReasons.For(facts, Stalled, Today, new AlertText(language, "USD")).Select(r => r.Text)];

    private static string Risk(ChurnRiskFacts facts, string language = "en") =>
        string.Join(" | ", ChurnRiskReasons.For(facts, Churn, new AlertText(language, "EUR")).Select(r => r.Text));

    [Fact]
    public void Stalled_reasons_in_english_and_spanish()
    {
        var facts = Deal(stageDays: 30, quietDays: 1, hasActivity: false, close: Today.AddDays(-1), pushes: 4, before: 50_000m);
        var all = facts with { QuietDays = 15 };

        Assert.Equal(
            ["in Proposal for 30 days (the norm is 21.5)", "close date Jun 14 passed 1 day ago", "no activity since it was created 15 days ago", "close date pushed 4 times", "amount cut 40% in 30 days ($50K → $30K)"],
            Stall(all));
        Assert.Equal(
            ["en Proposal desde hace 30 días (lo normal son 21,5)", "la fecha de cierre (14 jun) pasó hace 1 día", "sin actividad desde su creación hace 15 días", "fecha de cierre aplazada 4 veces", "importe recortado un 40\u00A0% en 30 días (50\u00A0mil\u00A0$ → 30\u00A0mil\u00A0$)"],
            Stall(all, "es"));
        Assert.Equal(["no activity for 14 days"], Stall(Deal(quietDays: 14)));
    }

    [Fact]
    public void A_deal_inside_every_rule_has_no_reason()
    {
        Assert.Empty(Stall(Deal(stageDays: 21, quietDays: 13, pushes: 2, before: 39_999m)));
    }

    [Fact]
    public void Support_and_renewal_wording_covers_each_case()
    {
        Assert.Equal("1 urgent ticket open", Risk(Account(urgent: 1, support: 20)));
        Assert.Equal("1 high-priority ticket open", Risk(Account(high: 1, support: 20)));
        Assert.Equal("1 urgent and 2 high-priority tickets open, satisfaction 2.0/5 over 90 days", Risk(Account(urgent: 1, high: 2, satisfaction: 2, support: 20)));
        Assert.Equal("1 ticket urgente y 2 de prioridad alta abiertos", Risk(Account(urgent: 1, high: 2, support: 20), "es"));
        Assert.Equal("renews today with no renewal deal open", Risk(Account(renewsIn: 0, renewal: 25)));
        Assert.Equal("renewal overdue by 5 days and the renewal deal has not moved in 14 days", Risk(Account(renewsIn: -5, hasDeal: true, renewal: 25)));
        Assert.Equal("renovación vencida hace 1 día sin oportunidad de renovación abierta", Risk(Account(renewsIn: -1, renewal: 25), "es"));
        Assert.Equal("", Risk(Account(urgent: 3)));
    }
}

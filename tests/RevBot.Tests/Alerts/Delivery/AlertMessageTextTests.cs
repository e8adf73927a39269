using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>The alert messages' own words (titles, buttons, the cap summary) in English and in Spanish, from the catalog.</summary>
public sealed class AlertMessageTextTests
{
    private static readonly AlertOptions Settings = new();

    private static readonly AlertSubject Deal = new(AlertKind.StalledDeal, "d1", "Acme", null, [1], ["no activity for 21 days"], ["rep@x.test"]);

    private static readonly AlertSubject Account = new(AlertKind.ChurnRisk, "a1", "Birch", 78, [2], ["renews today"], ["cs@x.test"]);

    [Fact]
    public void One_deal_reads_in_english_and_spanish()
    {
        var en = AlertMessages.ForChannel(Deal, Settings, "en");
        var es = AlertMessages.ForChannel(Deal, Settings, "es");

        Assert.Equal(("Stalled deal: Acme", "Why: no activity for 21 days."), (en.Title, en.Text));
        Assert.Equal(["Open deal", "Snooze 7 days", "Dismiss", "I'm on it"], en.Actions.Select(a => a.Label));
        Assert.Equal(("Negocio estancado: Acme", "Motivo: no activity for 21 days."), (es.Title, es.Text));
        Assert.Equal(["Abrir negocio", "Posponer 7 días", "Descartar", "Me encargo"], es.Actions.Select(a => a.Label));
        Assert.StartsWith("Te avisamos", Assert.Single(es.Context), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_and_the_cap_summary_read_in_spanish()
    {
        var grouped = AlertMessages.ForPerson([Account, Deal], Settings, "es");
        var summary = AlertMessages.Summary([Account, Deal], afterOthers: true, "es");

        Assert.Equal("2 alertas requieren tu atención", grouped.Title);
        Assert.Equal("• Riesgo de churn: Birch (78/100): renews today\n• Negocio estancado: Acme: no activity for 21 days", grouped.Text);
        Assert.Equal(["Abrir Acme", "Posponer todas 7 días", "Descartar todas", "Me encargo"], grouped.Actions.Select(a => a.Label));
        Assert.Equal("Y 2 alertas más", summary.Title);
        Assert.StartsWith("Este canal alcanzó su límite", summary.Text, StringComparison.Ordinal);
        Assert.Equal("And 2 more alerts", AlertMessages.Summary([Account, Deal], afterOthers: true, "en").Title);
    }
}

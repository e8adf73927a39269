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
        Assert.Equal(["• Riesgo de churn: Birch (78/100)\n   Motivo: renews today.", "• Negocio estancado: Acme\n   Motivo: no activity for 21 days."], grouped.Rows.Select(r => r.Text));
        Assert.Equal(["Posponer 7 días", "Descartar", "Me encargo"], grouped.Rows[0].Actions.Select(a => a.Label));
        Assert.Equal(["Abrir negocio", "Posponer 7 días", "Descartar", "Me encargo"], grouped.Rows[1].Actions.Select(a => a.Label));
        Assert.Equal(["Posponer todas 7 días", "Descartar todas", "Me encargo"], grouped.Actions.Select(a => a.Label));
        Assert.Equal("Y 2 alertas más", summary.Title);
        Assert.StartsWith("Este canal alcanzó su límite", summary.Text, StringComparison.Ordinal);
        Assert.Equal("And 2 more alerts", AlertMessages.Summary([Account, Deal], afterOthers: true, "en").Title);
    }

    private static readonly AlertSubject DealWithFacts = Deal with
    {
        Details = new AlertSubjectDetails(584_000m, "USD", "Jane Cooper", "Proposal", new DateOnly(2026, 11, 15), 21),
    };

    private static readonly AlertSubject AccountWithFacts = Account with
    {
        Details = new AlertSubjectDetails(120_000m, "USD", "Jane Cooper", RenewalDate: new DateOnly(2026, 12, 1)),
    };

    [Fact]
    public void An_alert_shows_the_facts_to_act_in_english_and_spanish()
    {
        var en = AlertMessages.ForChannel(DealWithFacts, Settings, "en");
        var es = AlertMessages.ForChannel(DealWithFacts, Settings, "es");
        var churn = AlertMessages.ForChannel(AccountWithFacts with { Recipients = ["cs@x.test"] }, Settings, "en");

        Assert.Equal([("Amount", "$584K"), ("Owner", "Jane Cooper"), ("Stage", "Proposal"), ("Close date", "Nov 15"), ("Stalled for", "21 days")],
            en.Facts.Select(f => (f.Label, f.Value)));
        Assert.Equal(["Importe", "Responsable", "Etapa", "Fecha de cierre", "Parado desde hace"], es.Facts.Select(f => f.Label));
        Assert.Equal("21 días", es.Facts[^1].Value);
        Assert.Equal([("ARR", "$120K"), ("Owner", "Jane Cooper"), ("Renews", "Dec 1"), ("Risk score", "78/100")], churn.Facts.Select(f => (f.Label, f.Value)));
        Assert.Single(en.Context);
    }

    [Fact]
    public void Grouped_rows_carry_the_facts_on_one_line_and_the_footnote_once()
    {
        var en = AlertMessages.ForChannelScan([DealWithFacts, AccountWithFacts with { Details = AccountWithFacts.Details! with { CsOwnerName = "Carl Success" } }], Settings, "en");
        var es = AlertMessages.ForChannelScan([DealWithFacts, AccountWithFacts], Settings, "es");

        Assert.Equal("2 new alerts for this channel", en.Title);
        Assert.Equal(
            ["• Stalled deal: Acme — $584K · Jane Cooper · Proposal · closes Nov 15 · stalled 21 days\n   Why: no activity for 21 days.",
             "• Churn risk: Birch (78/100) — $120K ARR · Jane Cooper (CS: Carl Success) · renews Dec 1 · risk 78/100\n   Why: renews today."], en.Rows.Select(r => r.Text));
        Assert.Single(en.Context);
        Assert.Equal("2 alertas nuevas para este canal", es.Title);
        Assert.Contains("cierra el 15 nov", es.Rows[0].Text, StringComparison.Ordinal);
        Assert.Equal("Stalled deal: Acme", AlertMessages.ForChannelScan([DealWithFacts], Settings, "en").Title);
    }

    [Fact]
    public void The_first_summary_counts_totals_and_lists_the_top_five_with_see_all_in_english_and_spanish()
    {
        var deals = Enumerable.Range(1, 7).Select(i => DealWithFacts with
        {
            SubjectId = $"d{i}",
            Name = $"Deal {i}",
            Details = DealWithFacts.Details! with { Amount = i * 10_000m },
        }).ToList();
        AlertSubscription emea = new() { Platform = Core.Domain.ChatPlatform.Slack, ChannelId = "C1", Kinds = "stalled_deal,churn_risk", Region = "EMEA", MinAmount = 50_000m };

        var en = AlertFirstSummary.Build([.. deals, AccountWithFacts], [emea], "en", "USD");
        var es = AlertFirstSummary.Build([.. deals, AccountWithFacts], [emea], "es", "USD");

        Assert.Equal("Open alerts for this channel", en.Title);
        Assert.StartsWith("7 stalled deals worth $280K in all. The top 5 by amount:\n• Deal 7 — $70K", en.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Deal 2 ", en.Text, StringComparison.Ordinal);
        Assert.Contains("\n\n1 account at risk with $120K ARR.\n• Birch — $120K ARR", en.Text, StringComparison.Ordinal);
        Assert.Equal([("See all stalled deals (7)", "stalled deals in EMEA over 50000"), ("See all accounts at risk (1)", "churn risk accounts in EMEA over 50000")],
            en.Actions.Select(a => (a.Label, a.Value)));
        Assert.Equal(["negocios estancados en EMEA de más de 50000", "cuentas en riesgo en EMEA de más de 50000"], es.Actions.Select(a => a.Value));
        Assert.Equal("Alertas abiertas para este canal", es.Title);
        Assert.StartsWith("7 negocios estancados por", es.Text, StringComparison.Ordinal);
        Assert.Null(AlertFirstSummary.SeeAll(AlertKind.StalledDeal, [emea, new AlertSubscription { Platform = Core.Domain.ChatPlatform.Slack, ChannelId = "C1", Kinds = "stalled_deal", OwnerEmail = "x@y.z" }], "en"));
        // Expansion plays have their list question too ("which accounts are ready to expand?").
        AlertSubscription plays = new() { Platform = Core.Domain.ChatPlatform.Slack, ChannelId = "C1", Kinds = "expansion", Segment = "Enterprise" };
        Assert.Equal("accounts ready to expand in Enterprise", AlertFirstSummary.SeeAll(AlertKind.Expansion, [plays], "en"));
        Assert.Equal("cuentas listas para crecer en Enterprise", AlertFirstSummary.SeeAll(AlertKind.Expansion, [plays], "es"));
        Assert.Null(AlertFirstSummary.SeeAll(AlertKind.Expansion, [emea], "en"));
    }
}

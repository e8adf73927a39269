using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Deals;
using RevBot.Core.Metrics;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Tests.Alerts;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Conversation;

/// <summary>
/// "Which deals are stalled?" and "accounts at risk of churning" asked in chat, on <see cref="AlertDataset"/>: the list
/// is the alerts engine's findings (the deals the dataset was built to stall, and the scan's own accounts), narrowed by
/// "my", and asking records no alert and queues no message.
/// </summary>
[Collection(AlertsCollection.Name)]
public sealed class FindingListAnswerTests(AlertsDatabase data)
{
    /// <summary>The open deals <see cref="AlertDataset"/> stalls (see <see cref="StalledDealTests"/>), biggest first.</summary>
    /// <summary>Every scored account alerted, so the list has several (at the default minimum only Everything Co is).</summary>
    private static readonly Dictionary<string, string?> EveryScore = new() { ["Alerts:Churn:MinScore"] = "1" };

    private static readonly string[] Stalled = ["stuck", "stuck-floor", "quiet", "never", "late", "pushed", "cut", "renewal-stalled", "ownerless"];

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Stalled_deals_are_the_alert_findings_with_reasons_and_asking_records_nothing(DbProvider provider)
    {
        var before = await CountsAsync(provider);
        var answer = await data.AskAsync(provider, "which deals are stalled?");
        var after = await CountsAsync(provider);

        Assert.Equal(before, after);
        Assert.Equal(("list", ReplyKind.List), (answer.Intent, answer.Reply.Kind));
        Assert.Equal(Stalled, answer.Items!.Select(i => i.Id));
        var scanned = (await data.ScanAsync(provider)).Where(f => f.Kind == AlertKind.StalledDeal).ToList();
        Assert.Equal(scanned.Select(f => f.SubjectId), answer.Items!.Select(i => i.Id));
        Assert.Equal(scanned.Select(f => f.Summary), answer.Reply.Table!.Rows.Select(r => r[5]));
        Assert.StartsWith("9 stalled deals as of Jun 15, 2026: 1. Acme stuck ($90K): in Proposal for 40 days (the norm is 32.5); ", answer.Text, StringComparison.Ordinal);
        // The card says how many; its table names each deal (the full text above stays the fallback).
        Assert.Equal("9 stalled deals as of Jun 15, 2026.", answer.Reply.Lead);
        Assert.Equal(90_000m, answer.Items![0].Value);
        Assert.Equal(Enumerable.Repeat(DealActionIds.Open, 5), answer.Reply.Actions.Select(a => a.Id));
        Assert.Equal("stuck", answer.Reply.Actions[0].Value);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task My_stalled_deals_are_only_the_askers(DbProvider provider)
    {
        var alice = await data.AskAsync(provider, "my stalled deals", Alice);
        var bob = await data.AskAsync(provider, "mis negocios estancados", Bob);

        Assert.Equal(Stalled.Where(d => d != "ownerless"), alice.Items!.Select(i => i.Id));
        Assert.StartsWith("8 stalled deals (yours) as of Jun 15, 2026: ", alice.Text, StringComparison.Ordinal);
        Assert.Empty(bob.Items!);
        Assert.Equal("No hay negocios estancados (tuyos) a 15 jun 2026.", bob.Text);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Accounts_at_risk_are_the_churn_findings_with_score_and_reasons(DbProvider provider)
    {
        var before = await CountsAsync(provider);
        var answer = await data.AskAsync(provider, "who's at risk of churning", settings: EveryScore);
        var spanish = await data.AskAsync(provider, "cuentas en riesgo", settings: EveryScore);
        var mine = await data.AskAsync(provider, "my accounts at risk", Bob, EveryScore);
        var after = await CountsAsync(provider);

        Assert.Equal(before, after);
        var scanned = (await data.ScanAsync(provider, EveryScore)).Where(f => f.Kind == AlertKind.ChurnRisk).ToList();
        Assert.Equal(8, scanned.Count);
        Assert.Equal(scanned.Select(f => (f.SubjectId, (decimal?)f.Score)), answer.Items!.Select(i => (i.Id, i.Value)));
        Assert.Equal(scanned.Select(f => f.Summary), answer.Reply.Table!.Rows.Select(r => r[3]));
        Assert.Equal("acc-everything", answer.Items![0].Id);
        Assert.StartsWith($"{scanned.Count} accounts at risk of churning as of Jun 15, 2026: 1. Everything Co, risk 68/100: usage down 46% in 30 days, ", answer.Text, StringComparison.Ordinal);
        Assert.Equal(answer.Items!.Select(i => i.Id), spanish.Items!.Select(i => i.Id));
        Assert.StartsWith($"{scanned.Count} cuentas en riesgo de baja a 15 jun 2026: 1. Everything Co, riesgo 68/100: uso en caída del 46\u00A0% en 30 días", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(["acc-everything"], mine.Items!.Select(i => i.Id));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    public async Task A_period_or_a_filter_the_list_cannot_apply_is_refused_not_dropped(DbProvider provider)
    {
        var period = await data.AskAsync(provider, "stalled deals last quarter");
        var renewals = await data.AskAsync(provider, "stuck renewal deals");
        var accountType = await data.AskAsync(provider, "accounts at risk excluding renewals");

        Assert.False(period.Understood, period.Text);
        Assert.Contains("as of today", period.Text, StringComparison.Ordinal);
        // A deal has a type, so stalled deals take one; an account has none, so its list refuses it.
        Assert.Equal(["renewal-stalled"], renewals.Items!.Select(i => i.Id));
        Assert.StartsWith("1 stalled deal (renewals) as of Jun 15, 2026: ", renewals.Text, StringComparison.Ordinal);
        Assert.False(accountType.Understood, accountType.Text);
        Assert.Contains("but not by deal type", accountType.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Renewals_in_the_next_days_list_the_open_renewal_deals_closing_then(DbProvider provider)
    {
        var answer = await data.AskAsync(provider, "renewals in the next 60 days");
        var spanish = await data.AskAsync(provider, "renovaciones de los próximos 30 días");

        // The open renewals close in 20 and in 30 days: both within 60 days; within 30 (today and the 29 after it), only the first.
        Assert.Equal(["renewal-stalled", "renewal-moving"], answer.Items!.Select(i => i.Id));
        Assert.Equal(["renewal-stalled"], spanish.Items!.Select(i => i.Id));
        Assert.Equal("renewal", answer.Filters!["type"]);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_chart_of_a_finding_list_is_said_to_be_unavailable_never_dropped(DbProvider provider)
    {
        var plain = await data.AskAsync(provider, "which deals are stalled?");
        var chart = await data.AskAsync(provider, "chart stalled deals");
        var spanish = await data.AskAsync(provider, "gráfico de negocios estancados");
        var byRep = await data.AskAsync(provider, "chart stalled deals by rep");
        var porComercial = await data.AskAsync(provider, "negocios estancados por comercial");

        // The list is answered as asked without the chart, and says there is none, with the question that draws one.
        Assert.True(chart.Understood, chart.Text);
        Assert.Equal(plain.Items!.Select(i => i.Id), chart.Items!.Select(i => i.Id));
        Assert.Equal(plain.Text + " This list has no chart: each case comes with its reasons. For a chart, ask for a metric, for example \"chart pipeline by region\".", chart.Text);
        Assert.Null(chart.Chart);
        Assert.Empty(chart.Reply.Images);
        Assert.Equal("chart pipeline by region", chart.Reply.Actions[^1].Value);
        Assert.EndsWith("Esta lista no tiene gráfico: cada caso va con sus motivos. Para un gráfico, pregunta por una métrica, por ejemplo «gráfico de pipeline por región».", spanish.Text, StringComparison.Ordinal);
        Assert.Null(spanish.Chart);

        // "by rep" groups the list (FindingListConditionTests checks the groups); the chart it cannot draw is still named.
        Assert.True(byRep.Understood, byRep.Text);
        Assert.NotNull(byRep.Breakdown);
        Assert.Contains("This list has no chart", byRep.Text, StringComparison.Ordinal);
        Assert.True(porComercial.Understood, porComercial.Text);
        Assert.NotNull(porComercial.Breakdown);
    }

    private Task<(int Alerts, int Outbox, int Runs)> CountsAsync(DbProvider provider) =>
        data.UseAsync(provider, async db => (await db.Alerts.CountAsync(), await db.Outbox.CountAsync(), await db.AlertScanRuns.CountAsync()));
}

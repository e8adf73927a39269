using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>
/// The alert messages as delivery builds them (<see cref="AlertMessages"/>), for the Slack and Teams conformance checks:
/// one stalled deal for a channel, one account at risk, a person's grouped message past the per-message cap, the same
/// message after someone pressed a button, a channel's "and N more" summary past its hourly cap, a channel's grouped
/// scan and a new subscription's first summary (English and Spanish).
/// </summary>
public static class AlertMessageSamples
{
    public static IReadOnlyList<(string Name, Reply Reply)> All()
    {
        var settings = new AlertOptions();
        var stalled = Stalled(1, "Acme <Robotics> & Sons - Platform expansion");
        var churn = new AlertSubject(AlertKind.ChurnRisk, "acct-42", "Birch & Co", 78, [42, 43, 44],
            ["usage down 46% in 30 days", "2 urgent tickets open", "renews in 41 days"], ["cs@example.com"])
        {
            Details = new AlertSubjectDetails(1_250_000m, "USD", "Maude Kirlin-Halvorson", CsOwnerName: "Trever Ziemann", RenewalDate: new DateOnly(2026, 12, 31)),
        };
        List<AlertSubject> many = [churn, .. Enumerable.Range(2, 14).Select(i => Stalled(i, $"Deal {i} with a rather long name for a deal"))];
        return
        [
            ("alert stalled deal for a channel", AlertMessages.ForChannel(stalled, settings, "en")),
            ("alert churn risk for a channel", AlertMessages.ForChannel(churn, settings, "en")),
            ("alert grouped for a person", AlertMessages.ForPerson(many, settings, "en")),
            ("alert assigned", AlertMessages.Card([stalled], settings, "Rob Rep is on it.", actions: false, "en")),
            ("alert summary past the hourly cap", AlertMessages.Summary(many, afterOthers: true, "en")),
            ("alert grouped for a channel scan", AlertMessages.ForChannelScan(many[..4], settings, "en")),
            ("alert grouped for a channel scan es", AlertMessages.ForChannelScan(many[..4], settings, "es")),
            ("alert first summary", AlertFirstSummary.Build(many, [Emea], "en", "USD")),
            ("alert first summary es", AlertFirstSummary.Build(many, [Emea], "es", "USD")),
            ("alert churn risk for a channel es", AlertMessages.ForChannel(churn, settings, "es")),
            ("alert group redrawn after presses", Redrawn(stalled, churn, settings)),
            ("alert expansion for a person", AlertMessages.ForPerson([Expansion], settings, "en")),
            ("alert expansion for a person es", AlertMessages.ForPerson([Expansion], settings, "es")),
            ("alert grouped with expansion for a person", AlertMessages.ForPerson([Expansion, churn, stalled], settings, "en")),
            ("alert first summary with expansion", AlertFirstSummary.Build([Expansion, churn, stalled], [Emea, Plays], "en", "USD")),
        ];
    }

    /// <summary>The deal form "Create expansion deal" opens, prefilled (English and Spanish).</summary>
    public static IReadOnlyList<(string Name, ReplyForm Form)> Forms() =>
    [
        ("expansion deal form", ExpansionForm("en")),
        ("expansion deal form es", ExpansionForm("es")),
    ];

    private static ReplyForm ExpansionForm(string language) => ExpansionInteractions.Form(
        new ReplyFormState("acct-7", 0, "0123456789abcdef", language), language, "Birch & Co, owned by Maude Kirlin. Type: expansion. Suggested amount $21.6K: 4 seats over the 10 paid for, at $450 a seat a month, for a year.",
        new Core.Company.CompanyOptions(), new Dictionary<string, string?> { ["name"] = "Birch & Co - expansion", ["amount"] = "21600", ["closeDate"] = "2026-12-31" });

    private static readonly AlertSubject Expansion = new(AlertKind.Expansion, "acct-7", "Birch & <Co>", 80, [70, 71, 72],
        ["usage up 35% in 30 days, at 88% of the Pro plan's limit", "62 active users on 50 seats paid for", "healthy: 1 ticket in 90 days, satisfaction 4.5/5"], ["owner@example.com", "cs@example.com"])
    {
        Details = new AlertSubjectDetails(540_000m, "USD", "Maude Kirlin-Halvorson", CsOwnerName: "Trever Ziemann", RenewalDate: new DateOnly(2027, 3, 31)),
    };

    private static readonly AlertSubscription Plays = new() { Platform = Core.Domain.ChatPlatform.Slack, ChannelId = "C1", Kinds = "expansion" };

    /// <summary>A channel's group after presses: one row dismissed (only Open deal left), one snoozed with someone on it.</summary>
    private static Reply Redrawn(AlertSubject stalled, AlertSubject churn, AlertOptions settings)
    {
        var group = new AlertGroupValue(AlertAudience.Channel, "es", 3, null, [10, 42, 20]);
        var other = Stalled(2, "Deal 2") with { Status = new AlertSubjectStatus(false, null, null, new DateOnly(2026, 12, 1), "Rob Rep") };
        return AlertGroupMessage.Build([(stalled with { Status = new AlertSubjectStatus(true, "Rob Rep", "Ya está gestionada", null, null) }, 10), (churn, 42), (other, 20)],
            group, settings, "Deal 2: Pospuesta 7 días por Rob Rep");
    }

    private static readonly AlertSubscription Emea = new() { Platform = Core.Domain.ChatPlatform.Slack, ChannelId = "C1", Kinds = "stalled_deal,churn_risk", Region = "EMEA" };

    private static AlertSubject Stalled(int i, string name) => new(AlertKind.StalledDeal, $"deal-{i}", name, null, [i * 10],
        ["in Proposal for 40 days (the norm is 32.5)", "no activity for 21 days", "close date passed on Nov 1"], ["rep@example.com"])
    {
        Details = new AlertSubjectDetails(i * 97_500m, "USD", "Maude Kirlin-Halvorson", "Negotiation/Review", new DateOnly(2026, 11, 1), 40 + i),
    };
}

using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>
/// The alert messages as delivery builds them (<see cref="AlertMessages"/>), for the Slack and Teams conformance checks:
/// one stalled deal for a channel, one account at risk, a person's grouped message past the per-message cap, the same
/// message after someone pressed a button, and a channel's "and N more" summary past its hourly cap.
/// </summary>
public static class AlertMessageSamples
{
    public static IReadOnlyList<(string Name, Reply Reply)> All()
    {
        var settings = new AlertOptions();
        var stalled = Stalled(1, "Acme <Robotics> & Sons - Platform expansion");
        var churn = new AlertSubject(AlertKind.ChurnRisk, "acct-42", "Birch & Co", 78, [42, 43, 44],
            ["usage down 46% in 30 days", "2 urgent tickets open", "renews in 41 days"], ["cs@example.com"]);
        List<AlertSubject> many = [churn, .. Enumerable.Range(2, 14).Select(i => Stalled(i, $"Deal {i} with a rather long name for a deal"))];
        return
        [
            ("alert stalled deal for a channel", AlertMessages.ForChannel(stalled, settings, "en")),
            ("alert churn risk for a channel", AlertMessages.ForChannel(churn, settings, "en")),
            ("alert grouped for a person", AlertMessages.ForPerson(many, settings, "en")),
            ("alert assigned", AlertMessages.Card([stalled], settings, "Rob Rep is on it.", actions: false, "en")),
            ("alert summary past the hourly cap", AlertMessages.Summary(many, afterOthers: true, "en")),
        ];
    }

    private static AlertSubject Stalled(int i, string name) => new(AlertKind.StalledDeal, $"deal-{i}", name, null, [i * 10],
        ["in Proposal for 40 days (the norm is 32.5)", "no activity for 21 days", "close date passed on Nov 1"], ["rep@example.com"]);
}

using RevBot.Core.Alerts;
using RevBot.Data.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts;

/// <summary>Each churn factor on <see cref="AlertDataset"/>, scored alone (minimum score 1), and how the factors add up.</summary>
[Collection(AlertsCollection.Name)]
public sealed class ChurnRiskTests(AlertsDatabase data)
{
    private static readonly Dictionary<string, string?> EveryScore = new() { ["Alerts:Churn:MinScore"] = "1" };

    private async Task<List<AlertFinding>> ChurnAsync(DbProvider provider, Dictionary<string, string?>? settings = null, string language = "en") =>
        [.. (await data.ScanAsync(provider, settings, language)).Where(f => f.Kind == AlertKind.ChurnRisk)];

    /// <summary>Score, reasons and reason codes, as one comparable value.</summary>
    private static (int? Score, string Reasons, string Codes) Alert(List<AlertFinding> found, string account)
    {
        var f = found.Single(a => a.SubjectId == account);
        return (f.Score, f.Summary, string.Join(",", f.Reasons.Select(r => r.Code)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Each_factor_adds_its_weight_and_says_why(DbProvider provider)
    {
        var found = await ChurnAsync(provider, EveryScore);

        // Users 100 → 54 (events only −10%): half the weight at a 30% drop, all of it at 60%: 30 × 46 / 60 = 23.
        Assert.Equal((23, "usage down 46% in 30 days", ChurnRiskReasons.UsageDrop), Alert(found, "acc-usage"));
        Assert.Equal((20, "2 urgent tickets open", ChurnRiskReasons.Support), Alert(found, "acc-tickets"));
        // Satisfaction 2 and 1 in the last 90 days (a 5 from 100 days ago does not count).
        Assert.Equal((20, "satisfaction 1.5/5 over 90 days", ChurnRiskReasons.Support), Alert(found, "acc-unhappy"));
        Assert.Equal((25, "renews in 41 days with no renewal deal open", ChurnRiskReasons.Renewal), Alert(found, "acc-renewing"));
        Assert.Equal((25, "renews in 20 days and the renewal deal has not moved in 14 days", ChurnRiskReasons.Renewal), Alert(found, "acc-stalled-renewal"));
        Assert.Equal((15, "MRR down 40% in 90 days", ChurnRiskReasons.Contraction), Alert(found, "acc-shrinking"));
        Assert.Equal((10, "no activity from the account team in 30 days", ChurnRiskReasons.Quiet), Alert(found, "acc-quiet"));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Healthy_accounts_moving_renewals_and_former_customers_are_not_scored(DbProvider provider)
    {
        var found = await ChurnAsync(provider, EveryScore);

        // Acme's only activity is on its deals; the moving renewal had an activity yesterday; Lapsed left two weeks ago.
        Assert.Equal(
            ["acc-everything", "acc-renewing", "acc-stalled-renewal", "acc-usage", "acc-tickets", "acc-unhappy", "acc-shrinking", "acc-quiet"],
            found.Select(f => f.SubjectId));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Factors_add_up_and_only_scores_at_the_minimum_are_alerted(DbProvider provider)
    {
        var found = await ChurnAsync(provider);

        var alert = Assert.Single(found);
        Assert.Equal("acc-everything", alert.SubjectId);
        Assert.Equal("Everything Co", alert.SubjectName);
        Assert.Equal(68, alert.Score);
        Assert.Equal([23, 20, 25], alert.Reasons.Select(r => r.Points));
        Assert.Equal("usage down 46% in 30 days, 2 urgent tickets open, renews in 41 days with no renewal deal open", alert.Summary);
        // The account owner and the customer-success manager who worked the account recently.
        Assert.Equal([Bob, Carla], alert.Recipients);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Weights_and_thresholds_are_settings_and_the_score_stops_at_100(DbProvider provider)
    {
        // A 20% threshold puts full weight at 40%, so the 46% drop earns all 30.
        Assert.Equal(75, Alert(await ChurnAsync(provider, new() { ["Alerts:Churn:UsageDropPercent"] = "20" }), "acc-everything").Score);
        // At the threshold exactly, half the weight: 30 × 46 / 92 = 15; one point higher, no usage factor at all.
        Assert.Equal(15, Alert(await ChurnAsync(provider, new() { ["Alerts:Churn:MinScore"] = "1", ["Alerts:Churn:UsageDropPercent"] = "46" }), "acc-usage").Score);
        Assert.DoesNotContain("acc-usage", (await ChurnAsync(provider, new() { ["Alerts:Churn:MinScore"] = "1", ["Alerts:Churn:UsageDropPercent"] = "47" })).Select(f => f.SubjectId));
        // Usage is only summed where it could lift an account to the minimum score: at 23 it does, alone.
        Assert.Contains("acc-usage", (await ChurnAsync(provider, new() { ["Alerts:Churn:MinScore"] = "23" })).Select(f => f.SubjectId));
        Assert.DoesNotContain("acc-usage", (await ChurnAsync(provider, new() { ["Alerts:Churn:MinScore"] = "24" })).Select(f => f.SubjectId));
        var heavy = await ChurnAsync(provider, new() { ["Alerts:Churn:UsageWeight"] = "60", ["Alerts:Churn:SupportWeight"] = "50", ["Alerts:Churn:RenewalWeight"] = "50" });
        Assert.Equal(100, Alert(heavy, "acc-everything").Score);
        Assert.Equal([46, 50, 50], heavy.Single(f => f.SubjectId == "acc-everything").Reasons.Select(r => r.Points));
        var strict = await ChurnAsync(provider, new()
        {
            ["Alerts:Churn:MinScore"] = "1", ["Alerts:Churn:LowSatisfaction"] = "1.4", ["Alerts:Churn:OpenTickets"] = "3",
            ["Alerts:Churn:RenewalWithinDays"] = "40", ["Alerts:Churn:ContractionPercent"] = "41", ["Alerts:Churn:QuietDays"] = "46",
        });
        // Left: the renewal 20 days out (25) and the usage drops (23 each).
        Assert.Equal(["acc-stalled-renewal", "acc-everything", "acc-usage"], strict.Select(f => f.SubjectId));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Reasons_read_in_spanish(DbProvider provider)
    {
        var found = await ChurnAsync(provider, EveryScore, "es");

        Assert.Equal("uso en caída del 46\u00A0% en 30 días, 2 tickets urgentes abiertos, renueva en 41 días sin oportunidad de renovación abierta",
            found.Single(f => f.SubjectId == "acc-everything").Summary);
        Assert.Equal("satisfacción 1,5/5 en 90 días", found.Single(f => f.SubjectId == "acc-unhappy").Summary);
    }
}

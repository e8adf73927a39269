using RevBot.Core.Alerts;
using RevBot.Data.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts.Expansion;

/// <summary>
/// Each expansion factor on <see cref="ExpansionDataset"/>: alone on top of the baseline it adds its weight and says
/// why (minimum score 1); together they add up; weights and thresholds are settings.
/// </summary>
[Collection(ExpansionCollection.Name)]
public sealed class ExpansionScoringTests(ExpansionDatabase data)
{
    private static readonly Dictionary<string, string?> EveryScore = new() { ["Alerts:Expansion:MinScore"] = "1", ["Alerts:Expansion:Plans:Pro:MonthlyEvents"] = "1500" };

    private async Task<List<AlertFinding>> ExpansionAsync(DbProvider provider, Dictionary<string, string?>? settings = null, string language = "en") =>
        [.. (await data.ScanAsync(provider, settings, language)).Where(f => f.Kind == AlertKind.Expansion)];

    private static Dictionary<string, string?> With(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>(EveryScore);
        foreach (var (key, value) in more) settings["Alerts:Expansion:" + key] = value;
        return settings;
    }

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
        var found = await ExpansionAsync(provider, EveryScore);

        Assert.Equal((30, "62 active users on 50 seats paid for", ExpansionReasons.SeatsOver), Alert(found, "exp-seats"));
        // The larger growth of the two (events +30%, users +25%), and the share of the plan's limit.
        Assert.Equal((30, "usage up 30% in 30 days, at 87% of the Pro plan's limit", ExpansionReasons.UsageGrowth), Alert(found, "exp-usage"));
        Assert.Equal((50, "62 active users on 50 seats paid for, healthy: 1 ticket in 90 days, satisfaction 5.0/5", "seats_over,healthy"), Alert(found, "exp-healthy"));
        Assert.Equal((30, "62 active users on 50 seats paid for", ExpansionReasons.SeatsOver), Alert(found, "exp-unhappy"));
        Assert.Equal((50, "62 active users on 50 seats paid for, no expansion since becoming a customer 530 days ago", "seats_over,expansion_gap"), Alert(found, "exp-never"));
        Assert.Equal((50, "62 active users on 50 seats paid for, last expansion 200 days ago", "seats_over,expansion_gap"), Alert(found, "exp-old"));
        Assert.Equal([30, 30, 20, 20], found.Single(f => f.SubjectId == "exp-everything").Reasons.Select(r => r.Points));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Only_customers_with_demand_and_no_open_expansion_deal_are_scored(DbProvider provider)
    {
        var found = await ExpansionAsync(provider, EveryScore);

        // Content is healthy and never expanded but shows no demand; Onboarding's growth is its first weeks; Already
        // Working has an open expansion deal; Gone left.
        Assert.Equal(["exp-everything", "exp-healthy", "exp-never", "exp-old", "exp-seats", "exp-unhappy", "exp-usage"], found.Select(f => f.SubjectId));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Factors_add_up_to_the_minimum_and_go_to_the_owner_and_customer_success(DbProvider provider)
    {
        var found = await ExpansionAsync(provider, new() { ["Alerts:Expansion:Plans:Pro:MonthlyEvents"] = "1500" });

        Assert.Equal(["exp-everything", "exp-healthy", "exp-never", "exp-old"], found.Select(f => f.SubjectId));
        var top = found[0];
        Assert.Equal(("Everything Grows", 100), (top.SubjectName, top.Score));
        Assert.Equal("usage up 55% in 30 days, at 87% of the Pro plan's limit, 62 active users on 50 seats paid for, healthy: no tickets in 90 days, "
            + "no expansion since becoming a customer 530 days ago", top.Summary);
        Assert.Equal([Bob, Carla], top.Recipients);
        Assert.Equal([Alice], found[1].Recipients);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Thresholds_are_settings_at_their_boundaries(DbProvider provider)
    {
        // Usage: +30% counts at a 30% threshold, not at 31%; 1,300 events is 86.7% of 1,500: in at 86%, out at 87%.
        Assert.Contains("exp-usage", Ids(await ExpansionAsync(provider, With(("UsageGrowthPercent", "30")))));
        Assert.DoesNotContain("exp-usage", Ids(await ExpansionAsync(provider, With(("UsageGrowthPercent", "31")))));
        Assert.Contains("exp-usage", Ids(await ExpansionAsync(provider, With(("NearLimitPercent", "86")))));
        Assert.DoesNotContain("exp-usage", Ids(await ExpansionAsync(provider, With(("NearLimitPercent", "87")))));
        // Without a limit for the plan, growth alone counts, and the reason says no share.
        Assert.Equal("usage up 30% in 30 days", Alert(await ExpansionAsync(provider, new() { ["Alerts:Expansion:MinScore"] = "1" }), "exp-usage").Reasons);
        // Seats: 62 on 50 is 24% over: in at 23%, out at 24%.
        Assert.Contains("exp-seats", Ids(await ExpansionAsync(provider, With(("SeatsOverPercent", "23")))));
        Assert.DoesNotContain("exp-seats", Ids(await ExpansionAsync(provider, With(("SeatsOverPercent", "24")))));
        // Health: three tickets are healthy when three are allowed; a 2/5 is when 2 is good enough.
        Assert.Equal(50, Alert(await ExpansionAsync(provider, With(("MaxTickets", "3"))), "exp-seats").Score);
        Assert.Equal(50, Alert(await ExpansionAsync(provider, With(("GoodSatisfaction", "2"))), "exp-unhappy").Score);
        // Gap: 200 days counts at 200, not at 201.
        Assert.Equal(50, Alert(await ExpansionAsync(provider, With(("GapDays", "200"))), "exp-old").Score);
        Assert.Equal(30, Alert(await ExpansionAsync(provider, With(("GapDays", "201"))), "exp-old").Score);
        // Weights.
        var heavy = await ExpansionAsync(provider, With(("SeatsWeight", "70"), ("HealthWeight", "5")));
        Assert.Equal(75, Alert(heavy, "exp-healthy").Score);
        Assert.Equal(100, Alert(heavy, "exp-everything").Score);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Reasons_read_in_spanish(DbProvider provider)
    {
        var found = await ExpansionAsync(provider, EveryScore, "es");

        Assert.Equal("uso en aumento del 30\u00A0% en 30 días, al 87\u00A0% del límite del plan Pro", found.Single(f => f.SubjectId == "exp-usage").Summary);
        Assert.Equal("62 usuarios activos con 50 licencias pagadas, cuenta sana: 1 ticket en 90 días, satisfacción 5,0/5", found.Single(f => f.SubjectId == "exp-healthy").Summary);
        Assert.Equal("62 usuarios activos con 50 licencias pagadas, última ampliación hace 200 días", found.Single(f => f.SubjectId == "exp-old").Summary);
    }

    private static List<string> Ids(List<AlertFinding> found) => [.. found.Select(f => f.SubjectId)];
}

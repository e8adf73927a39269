using RevBot.Core.Alerts;
using RevBot.Data.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts;

/// <summary>Each stalled rule on <see cref="AlertDataset"/>: the deal that breaks it, and the one that sits just inside it.</summary>
[Collection(AlertsCollection.Name)]
public sealed class StalledDealTests(AlertsDatabase data)
{
    private async Task<Dictionary<string, AlertFinding>> StalledAsync(DbProvider provider, Dictionary<string, string?>? settings = null) =>
        (await data.ScanAsync(provider, settings)).Where(f => f.Kind == AlertKind.StalledDeal).ToDictionary(f => f.SubjectId);

    private static string[] Reasons(Dictionary<string, AlertFinding> found, string deal) => [.. found[deal].Reasons.Select(r => r.Text)];

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_in_its_stage_longer_than_the_stage_norm_is_stalled(DbProvider provider)
    {
        var found = await StalledAsync(provider);

        // Proposal's norm is its 75th percentile, 32.5 days; Negotiation's own (2.75) is below the 14-day floor.
        Assert.Equal(["in Proposal for 40 days (the norm is 32.5)"], Reasons(found, "stuck"));
        Assert.Equal(["in Negotiation for 15 days (the norm is 14)"], Reasons(found, "stuck-floor"));
        Assert.Equal(StalledDealReasons.StuckInStage, found["stuck"].Reasons[0].Code);
        Assert.DoesNotContain("fresh", found.Keys);
        Assert.DoesNotContain("neg-ok", found.Keys);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_without_activity_for_14_days_is_stalled(DbProvider provider)
    {
        var found = await StalledAsync(provider);

        Assert.Equal(["no activity for 20 days"], Reasons(found, "quiet"));
        Assert.Equal(["no activity since it was created 16 days ago"], Reasons(found, "never"));
        Assert.DoesNotContain("quiet-ok", found.Keys);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_whose_expected_close_date_has_passed_is_stalled(DbProvider provider)
    {
        var found = await StalledAsync(provider);

        Assert.Equal(["close date Jun 12 passed 3 days ago"], Reasons(found, "late"));
        Assert.Equal(["close date Jun 14 passed 1 day ago"], Reasons(found, "ownerless"));
        Assert.DoesNotContain("due-today", found.Keys);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_whose_close_date_was_pushed_three_times_is_stalled(DbProvider provider)
    {
        var found = await StalledAsync(provider);

        // Four close-date changes, one of them pulled in: three pushes. The other deal has two.
        Assert.Equal(["close date pushed 3 times"], Reasons(found, "pushed"));
        Assert.DoesNotContain("pushed-twice", found.Keys);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_whose_amount_was_cut_by_a_quarter_in_30_days_is_stalled(DbProvider provider)
    {
        var found = await StalledAsync(provider);

        Assert.Equal(["amount cut 40% in 30 days ($100K → $60K)"], Reasons(found, "cut"));
        Assert.DoesNotContain("cut-small", found.Keys);
        Assert.DoesNotContain("cut-old", found.Keys);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Only_open_deals_breaking_a_rule_come_back_biggest_first_to_their_owner(DbProvider provider)
    {
        var stalled = (await data.ScanAsync(provider)).Where(f => f.Kind == AlertKind.StalledDeal).ToList();

        Assert.Equal(["stuck", "stuck-floor", "quiet", "never", "late", "pushed", "cut", "renewal-stalled", "ownerless"], stalled.Select(f => f.SubjectId));
        Assert.All(stalled, f => Assert.Null(f.Score));
        Assert.Equal("Acme stuck", stalled[0].SubjectName);
        Assert.Equal([Alice], stalled[0].Recipients);
        // No owner: the account's owner hears about it.
        Assert.Equal([Bob], stalled.Single(f => f.SubjectId == "ownerless").Recipients);
        Assert.Equal(["in Negotiation for 30 days (the norm is 14)", "no activity for 20 days"], stalled.Single(f => f.SubjectId == "renewal-stalled").Reasons.Select(r => r.Text));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_thresholds_are_settings(DbProvider provider)
    {
        var found = await StalledAsync(provider, new()
        {
            ["Alerts:Stalled:StageNormFloorDays"] = "0",
            ["Alerts:Stalled:StageNormPercentile"] = "50",
            ["Alerts:Stalled:NoActivityDays"] = "13",
            ["Alerts:Stalled:CloseDatePushes"] = "2",
            ["Alerts:Stalled:AmountCutPercent"] = "20",
        });

        // Proposal's median is 25 days, Negotiation's 2.5; with no floor, Discovery (no exits) has a norm of 0.
        Assert.Equal("in Proposal for 30 days (the norm is 25)", found["fresh"].Reasons[0].Text);
        Assert.Equal("in Negotiation for 14 days (the norm is 2.5)", found["neg-ok"].Reasons[0].Text);
        Assert.Equal("in Discovery for 5 days (the norm is 0)", found["quiet-ok"].Reasons[0].Text);
        Assert.Contains("no activity for 13 days", Reasons(found, "quiet-ok"));
        Assert.Contains("close date pushed 2 times", Reasons(found, "pushed-twice"));
        Assert.Contains("amount cut 20% in 30 days ($98.8K → $79K)", Reasons(found, "cut-small"));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_reader_may_stop_after_the_first_alert_while_the_other_statements_still_run(DbProvider provider)
    {
        var first = await data.ScanAsync(provider, take: 1);

        Assert.Equal("stuck", Assert.Single(first).SubjectId);
        // The connections went back to the pool in a usable state: a full scan right after gives everything.
        Assert.Equal(9, (await data.ScanAsync(provider)).Count(f => f.Kind == AlertKind.StalledDeal));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_scan_for_one_kind_finds_exactly_that_kind_of_a_full_scan(DbProvider provider)
    {
        var all = await data.ScanAsync(provider);

        foreach (var kind in new[] { AlertKind.StalledDeal, AlertKind.ChurnRisk })
        {
            var only = await data.ScanAsync(provider, only: kind);
            Assert.NotEmpty(only);
            Assert.Equal(all.Where(f => f.Kind == kind).Select(f => (f.SubjectId, f.Summary)), only.Select(f => (f.SubjectId, f.Summary)));
        }
    }
}

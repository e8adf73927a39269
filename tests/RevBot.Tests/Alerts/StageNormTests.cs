using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Data.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts;

/// <summary>The stage norm: the percentile of whole days spent in a stage by deals that left it in the lookback window.</summary>
[Collection(AlertsCollection.Name)]
public sealed class StageNormTests(AlertsDatabase data)
{
    private Task<IReadOnlyDictionary<string, StageNorm>> NormsAsync(DbProvider provider, int percentile = 75, int lookback = 365) =>
        data.UseAsync(provider, db => StageNormQuery.RunAsync(
            db, new StalledDealSettings { StageNormPercentile = percentile, StageNormLookbackDays = lookback }, Now, TestContext.Current.CancellationToken));

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_norm_interpolates_between_ranks_like_percentile_cont(DbProvider provider)
    {
        var norms = await NormsAsync(provider);

        // Proposal exits: 10, 20, 30, 40 days (the 100-day exit left 500 days ago). Negotiation: 2 and 3 days.
        Assert.Equal(["Negotiation", "Proposal"], norms.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new StageNorm("Proposal", 32.5, 4), norms["Proposal"]);
        Assert.Equal(new StageNorm("Negotiation", 2.75, 2), norms["Negotiation"]);
        Assert.Equal(10.3, (await NormsAsync(provider, percentile: 1))["Proposal"].Days, precision: 6);
        Assert.Equal(39.7, (await NormsAsync(provider, percentile: 99))["Proposal"].Days, precision: 6);
        // A lookback of 200 days keeps the exits of h1 and h2 (90 and 100 days ago) and h3 (170): 10, 20, 30.
        Assert.Equal(new StageNorm("Proposal", 25, 3), (await NormsAsync(provider, lookback: 200))["Proposal"]);
    }

    [Fact]
    public async Task PostgreSQL_percentile_cont_agrees()
    {
        var ours = await NormsAsync(DbProvider.Postgres);
        var (from, to) = (Now.AddDays(-365), Now);
        var theirs = await data.UseAsync(DbProvider.Postgres, db => db.Database.SqlQuery<double>($"""
            SELECT percentile_cont(0.75) WITHIN GROUP (ORDER BY floor(date_part('epoch', left_at - entered_at) / 86400)) AS "Value"
            FROM (SELECT stage, entered_at, LEAD(entered_at) OVER (PARTITION BY deal_id ORDER BY entered_at) AS left_at FROM deal_stage_history) h
            WHERE left_at > {from} AND left_at <= {to}
            GROUP BY stage ORDER BY stage
            """).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal([ours["Negotiation"].Days, ours["Proposal"].Days], theirs);
    }
}

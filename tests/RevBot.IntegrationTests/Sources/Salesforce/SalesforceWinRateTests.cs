using System.Text.Json;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Cli;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// After a sync, "win rate this quarter" asked through the real CLI equals the win rate computed from the fake org's
/// own records (won ÷ won and lost, by close date in the quarter): the numbers RevBot answers are Salesforce's.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class SalesforceWinRateTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Win_rate_this_quarter_from_synced_data_equals_the_orgs_own(DbProvider provider)
    {
        await using var h = await SalesforceHarness.StartAsync(provider, seed: f => FakeSalesforceData.Generate(f.Store, 600, SalesforceSyncTests.Today, seed: 7));
        var sync = await h.SyncAsync();
        Assert.True(sync.Succeeded, sync.Run?.Error);
        var quarter = (Start: new DateOnly(2026, 10, 1), End: new DateOnly(2026, 12, 31));
        var closed = h.Fake.Store.Live("Opportunity")
            .Where(o => (bool)o.Fields["IsClosed"]! && (DateOnly)o.Fields["CloseDate"]! is var d && d >= quarter.Start && d <= quarter.End).ToList();
        var won = closed.Count(o => (bool)o.Fields["IsWon"]!);
        Assert.True(won > 0 && won < closed.Count, "the generated quarter has both won and lost deals");

        var db = h.Database!.Target is { Provider: DbProvider.Sqlite } t ? t.ToString() : h.Database.Target.ConnectionString;
        var (code, output, error) = await CliRun.InProcessAsync("ask", "win rate this quarter", "--db", db, "--as-of", "2026-11-27", "--format", "json");

        Assert.True(code == 0, error);
        var value = JsonDocument.Parse(output).RootElement.GetProperty("value").GetDecimal();
        Assert.Equal(Math.Round((decimal)won / closed.Count, 6), Math.Round(value, 6));
    }
}

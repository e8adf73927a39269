using Microsoft.Extensions.DependencyInjection;
using RevBot.Sources.Salesforce;
using RevBot.Sources.Sync;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// The org's API usage from Sforce-Limit-Info: recorded from every answer and logged after a sync; at the configured
/// share of the daily limit the sync stops before its next query, saying why.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class SalesforceLimitTests
{
    [Fact]
    public async Task The_usage_salesforce_reports_is_recorded_and_logged()
    {
        await using var h = await SalesforceHarness.StartAsync(seed: f =>
        {
            FakeSalesforceData.Generate(f.Store, 50, SalesforceSyncTests.Today);
            f.ApiLimit = 15_000;
            f.ApiUsedBefore = 1_000;
        });

        await h.ReadAllAsync();

        var calls = h.Fake.ApiCalls;
        Assert.True(calls > 5);
        Assert.Equal((1_000 + calls, 15_000), h.Services.GetRequiredService<SalesforceLimits>().Latest);
        Assert.Contains(h.Logs.Entries, e => e.Contains($"Salesforce API usage after the sync: {1_000 + calls} of 15000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Near_the_daily_limit_the_sync_stops_before_its_next_query_and_says_why()
    {
        await using var h = await SalesforceHarness.StartAsync(seed: f =>
        {
            FakeSalesforceData.Generate(f.Store, 50, SalesforceSyncTests.Today);
            f.ApiLimit = 10_000;
            f.ApiUsedBefore = 7_999;
        });

        var e = await Assert.ThrowsAsync<SyncFailedException>(() => h.ReadAllAsync());

        // The stages query's answer said 8,000 of 10,000: 80%, the default threshold. No query followed it.
        Assert.Equal("The Salesforce org has used 8000 of its 10000 API requests for the day (80%); the sync stops at 80% so the org's other integrations keep the rest, and goes on once the org's 24-hour window frees requests.", e.Message);
        Assert.Single(h.Fake.Queries);
    }
}

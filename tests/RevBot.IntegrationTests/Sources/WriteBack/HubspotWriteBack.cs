using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Sources.Hubspot;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Deals;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// Write-back against the fake HubSpot: a <see cref="WriteBackWorld"/> with HubSpot registered as the host does, its
/// base URL pointed at the fake, whose pipeline has the company's stages, and one deal synced from it:
/// <see cref="DealId"/> (Rob's, $50,000 in Proposal), as RevBot holds it after the last sync.
/// </summary>
internal sealed class HubspotWriteBack : IAsyncDisposable
{
    private HubspotWriteBack(FakeHubspot hubspot, TestDatabase database, WriteBackWorld world, FakeHubspotRecord record)
    {
        Hubspot = hubspot;
        Database = database;
        World = world;
        Record = record;
    }

    public FakeHubspot Hubspot { get; }
    public TestDatabase Database { get; }
    public WriteBackWorld World { get; }
    public FakeHubspotRecord Record { get; }
    public string DealId => "hubspot:" + Record.Id;

    public static readonly FakeHubspotPipeline Pipeline = new("default", "Sales",
    [
        new("prospecting", "Prospecting", false, 0.1m), new("qualification", "Qualification", false, 0.2m), new("discovery", "Discovery", false, 0.35m),
        new("proposal", "Proposal", false, 0.55m), new("negotiation", "Negotiation", false, 0.75m),
        new("closedwon", "Closed Won", true, 1.0m), new("closedlost", "Closed Lost", true, 0m),
    ]);

    public static async Task<HubspotWriteBack> StartAsync(DbProvider provider, TimeProvider time, IDictionary<string, string?>? settings = null, int deals = 1, bool quickRetries = false)
    {
        var hubspot = await FakeHubspot.StartAsync(TestContext.Current.CancellationToken);
        FakeHubspotRecord first;
        var records = new List<FakeHubspotRecord>();
        lock (hubspot.Store.Gate)
        {
            hubspot.Store.Pipelines.Clear();
            hubspot.Store.Pipelines.Add(Pipeline);
            for (var i = 0; i < deals; i++)
            {
                records.Add(hubspot.Store.Create("deals", new Dictionary<string, string?>
                {
                    ["dealname"] = $"Acme Corporation - HubSpot {i}", ["amount"] = "50000", ["pipeline"] = "default", ["dealstage"] = "proposal",
                    ["closedate"] = "2026-12-15T00:00:00.000Z",
                }));
            }
            first = records[0];
        }
        var database = await WriteBackWorld.SeedAsync(provider);
        await using (var db = database.NewContext())
        {
            var rob = await db.Users.SingleAsync(u => u.Email == DealWorld.Rob);
            foreach (var record in records)
            {
                db.Deals.Add(new Deal
                {
                    Id = "hubspot:" + record.Id, Name = record["dealname"], AccountId = "acc-1", OwnerId = rob.Id, Amount = 50_000m, Stage = "Proposal",
                    Status = DealStatus.Open, CloseDate = new DateOnly(2026, 12, 15), SourceModifiedAt = record.ModifiedAt.UtcDateTime,
                });
            }
            await db.SaveChangesAsync();
        }
        var values = new Dictionary<string, string?>
        {
            ["Sources:Hubspot:Enabled"] = "true",
            ["Sources:Hubspot:AccessToken"] = FakeHubspot.Token,
            ["Sources:Hubspot:BaseUrl"] = hubspot.BaseUri.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var world = WriteBackWorld.Create(database, time, values, (services, configuration) =>
        {
            services.AddHubspotSource(configuration);
            // The HTTP pipeline's own retries in milliseconds, so a test on the real clock sees them run out quickly.
            if (quickRetries)
                services.PostConfigure<HttpStandardResilienceOptions>(SourceHttp.ClientName(SourceSystem.Hubspot) + "-standard", o => o.Retry.Delay = TimeSpan.FromMilliseconds(5));
        });
        return new HubspotWriteBack(hubspot, database, world, first);
    }

    /// <summary>Someone changes the deal in HubSpot (the fake stamps a newer hs_lastmodifieddate).</summary>
    public void ChangeInHubspot(string property, string value)
    {
        lock (Hubspot.Store.Gate) Hubspot.Store.Change(Record, new Dictionary<string, string?> { [property] = value });
    }

    public string? InHubspot(string property)
    {
        lock (Hubspot.Store.Gate) return Record[property];
    }

    /// <summary>
    /// Runs a sync of the fake HubSpot into the world's database, as <c>revbot sync hubspot</c> would;
    /// <paramref name="through"/> wraps the connector when a test steps in between reading and importing.
    /// </summary>
    public async Task<SyncRun> SyncAsync(bool full = true, Func<ISourceConnector, ISourceConnector>? through = null)
    {
        await using var scope = World.Services.CreateAsyncScope();
        var connector = scope.ServiceProvider.GetServices<ISourceConnector>().Single(c => c.System == SourceSystem.Hubspot);
        if (through is not null) connector = through(connector);
        var outcome = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(
            scope.ServiceProvider.GetRequiredService<RevBot.Core.Storage.RevBotDb>(), connector, new SyncRequest(Full: full), TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Run?.Error);
        return outcome.Run!;
    }

    public List<FakeHubspotRequest> Patches => [.. Hubspot.Calls("PATCH", "/crm/v3/objects/deals/")];

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        await Database.DisposeAsync();
        await Hubspot.DisposeAsync();
    }
}

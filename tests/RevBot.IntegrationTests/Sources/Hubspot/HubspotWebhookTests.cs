using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Security;
using RevBot.IntegrationTests.Slack;
using RevBot.Sources.Hubspot;
using RevBot.Testing;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.IntegrationTests.Sources.Hubspot;

/// <summary>
/// HubSpot's webhooks through the real host: the v3 signature (checked against @hubspot/api-client's own signer),
/// refusals that change nothing, and a verified delivery that brings HubSpot's changes in by a sync.
/// </summary>
[Collection(HubspotWorld.Collection)]
public sealed class HubspotWebhookTests
{
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private const string Events = """[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"deal.propertyChange","attemptNumber":0,"objectId":123,"propertyName":"amount","propertyValue":"100","changeSource":"CRM","appId":54321}]""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RevBots_v3_signature_is_the_one_hubspots_own_client_computes()
    {
        NodeConformance.Require("@hubspot/api-client");
        const string url = "https://revbot.example.com/hubspot/webhooks?portal=62515";
        const string timestamp = "1764000000000";
        var script = $$"""
            const { Signature } = require('@hubspot/api-client/lib/src/utils/signature');
            process.stdout.write(Signature.getSignature('POST', 'v3', { clientSecret: '{{Secret}}', requestBody: process.argv[1], url: '{{url}}', timestamp: {{timestamp}} }));
            """;
        var (exit, stdout, stderr) = await NodeConformance.RunAsync("", "-e", script, Events);

        Assert.True(exit == 0, stderr);
        Assert.Equal(stdout, HubspotWebhookSignature.Compute(Secret, "POST", url, Encoding.UTF8.GetBytes(Events), timestamp));
        var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp, CultureInfo.InvariantCulture));
        Assert.Equal(HubspotSignatureCheck.Valid, HubspotWebhookSignature.Verify(Secret, "POST", url, Encoding.UTF8.GetBytes(Events), timestamp, stdout, at.AddMinutes(4)));
        Assert.Equal(HubspotSignatureCheck.StaleTimestamp, HubspotWebhookSignature.Verify(Secret, "POST", url, Encoding.UTF8.GetBytes(Events), timestamp, stdout, at.AddMinutes(6)));
    }

    [Fact]
    public async Task Refused_deliveries_change_nothing_and_a_verified_one_brings_the_change_in_by_a_sync()
    {
        await using var fake = await FakeHubspot.StartAsync(Ct);
        var sample = FakeHubspotSample.Seed(fake);
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var logs = new LogCapture(LogLevel.Trace, exceptionsOnly: false);
        await using var host = await StartHostAsync(database, fake, Secret, logs);
        using var http = new HttpClient { BaseAddress = host.Address };
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, Events, Sign(host.Address, Events, now, "not-the-secret")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, Events, Sign(host.Address, Events, now.AddMinutes(-6), Secret)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, Events.Replace("100", "999", StringComparison.Ordinal), Sign(host.Address, Events, now, Secret)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, Events, null));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Events, Sign(host.Address, Events, now, Secret)));

        // The one verified delivery made one sync, which read the portal; the refused ones made none.
        Assert.True(await Wait.UntilAsync(async () => await RunsAsync(database) is [{ FinishedAt: not null }]), "no sync ran after the verified webhook");
        Assert.Single(await RunsAsync(database));
        await using var db = database.NewContext();
        Assert.Equal(sample.Deals.Count, await db.Deals.CountAsync(Ct));

        // Every call to HubSpot was logged (at Trace), none with the access token or the client secret.
        var all = string.Join('\n', logs.Entries);
        Assert.Contains("/crm/…", all, StringComparison.Ordinal);
        foreach (var secret in new[] { FakeHubspot.Token, Secret })
            Assert.False(all.Contains(secret, StringComparison.Ordinal), $"The logs contain a secret: {secret[..4]}…");
    }

    [Fact]
    public async Task Without_a_client_secret_every_delivery_is_refused()
    {
        await using var fake = await FakeHubspot.StartAsync(Ct);
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var host = await StartHostAsync(database, fake, secret: null);
        using var http = new HttpClient { BaseAddress = host.Address };

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, Events, Sign(host.Address, Events, DateTimeOffset.UtcNow, Secret)));
        Assert.Empty(fake.Requests);
    }

    private static async Task<List<SyncRun>> RunsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.SyncRuns.AsNoTracking().ToListAsync(Ct);
    }

    private static (string Timestamp, string Signature) Sign(Uri address, string body, DateTimeOffset at, string secret)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, HubspotWebhookSignature.Compute(secret, "POST", new Uri(address, "hubspot/webhooks").ToString(), Encoding.UTF8.GetBytes(body), timestamp));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string body, (string Timestamp, string Signature)? signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "hubspot/webhooks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signed is { } s)
        {
            request.Headers.Add(HubspotWebhookSignature.TimestampHeader, s.Timestamp);
            request.Headers.Add(HubspotWebhookSignature.SignatureHeader, s.Signature);
        }
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<Host> StartHostAsync(TestDatabase database, FakeHubspot fake, string? secret, LogCapture? logs = null)
    {
        var settings = HubspotWorld.Settings(fake);
        if (secret is not null) settings["Sources:Hubspot:ClientSecret"] = secret;
        var app = await RevBotServer.StartAsync(
            [$"--Database:Target={HubspotWorld.TargetArg(database)}", "--Database:SeedDemoData=false", "--urls=http://127.0.0.1:0",
             "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft=Trace", "--Logging:LogLevel:System=Trace",
             // Only deliveries start a sync here: no background sync on this host.
             "--Sources:Hubspot:Background=false", .. settings.Select(s => $"--{s.Key}={s.Value}")],
            services =>
            {
                if (logs is not null) services.AddSingleton<ILoggerProvider>(logs);
            },
            Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Host(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    private sealed record Host(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}

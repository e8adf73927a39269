using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Host.Api;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Sources.Hubspot;
using RevBot.Sources.Stripe;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Sources;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// The real host with the Stripe source on, over a fresh SQLite or PostgreSQL database and a fake Stripe, with no
/// background sync (<c>Background=false</c>): only the test and webhook nudges sync. Waits for recorded sync runs.
/// </summary>
internal sealed class StripeHost : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0123456789";

    private StripeHost(FakeStripe fake, TestDatabase db, WebApplication app, HttpClient http)
    {
        Fake = fake;
        Db = db;
        App = app;
        Http = http;
    }

    public FakeStripe Fake { get; }

    public TestDatabase Db { get; }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public SyncNudge Nudge => App.Services.GetRequiredService<SyncNudge>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<StripeHost> StartAsync(DbProvider provider, string? webhookSecret)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var fake = await FakeStripe.StartAsync();
        string[] secret = webhookSecret is null ? [] : [$"--Sources:Stripe:WebhookSecret={webhookSecret}"];
        var app = await RevBotServer.StartAsync(
        [
            $"--Database:Target={HubspotWorld.TargetArg(db)}", "--Database:SeedDemoData=false", "--urls=http://127.0.0.1:0",
            $"--Api:Key={ApiKey}", "--Api:UserEmail=api@example.com",
            "--Sources:Stripe:Enabled=true", "--Sources:Stripe:Background=false", $"--Sources:Stripe:ApiKey={FakeStripe.ApiKey}",
            $"--Sources:Stripe:BaseUrl={fake.BaseUrl}", $"--Sources:Stripe:MetadataKey={FakeStripe.MetadataKey}", .. secret,
        ], Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return new StripeHost(fake, db, app, http);
    }

    public async Task AddAccountsAsync(int count)
    {
        await using var db = Db.NewContext();
        for (var i = 1; i <= count; i++) db.Accounts.Add(new Account { Id = $"A-{i}", Name = $"Account {i}" });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A sync run by the test itself, through the host's runner and connector.</summary>
    public async Task<SyncRun> SyncAsync(bool full)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await App.Services.GetRequiredService<SyncRunner>().RunAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(),
            App.Services.GetRequiredService<StripeConnector>(), new SyncRequest(Full: full), Ct);
        return outcome.Run!;
    }

    public async Task<List<SyncRun>> RunsAsync()
    {
        await using var db = Db.NewContext();
        return await db.SyncRuns.AsNoTracking().Where(r => r.System == SourceSystem.Stripe).OrderBy(r => r.Id).ToListAsync(Ct);
    }

    /// <summary>The <paramref name="n"/>th recorded run (from 1), once it has finished: what a nudge's sync did.</summary>
    public async Task<SyncRun> FinishedRunAsync(int n)
    {
        Assert.True(await Wait.UntilAsync(async () => (await RunsAsync()).Count(r => r.FinishedAt is not null) >= n), $"sync run {n} did not finish");
        return (await RunsAsync())[n - 1];
    }

    public async Task<Dictionary<string, Subscription>> StoredAsync()
    {
        await using var db = Db.NewContext();
        return await db.Subscriptions.AsNoTracking().ToDictionaryAsync(s => s.Id, Ct);
    }

    public async Task<HttpStatusCode> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoints.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        using var response = await Http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        await Db.DisposeAsync();
    }
}

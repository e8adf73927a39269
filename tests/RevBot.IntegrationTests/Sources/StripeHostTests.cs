using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Host.Api;
using RevBot.Host.Hosting;
using RevBot.Sources.Stripe;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Sources;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// The real host with the Stripe source on: a sync from the fake, then "what's our MRR" asked through the API equals
/// the fake's own sum; Stripe's webhook deliveries reach <c>/stripe/webhooks</c> and get the documented answers.
/// </summary>
[Collection(StripeHarness.Collection)]
public sealed class StripeHostTests
{
    private const string ApiKey = "test-api-key-0123456789";
    private const string Secret = "whsec_host_0123456789";

    [Fact]
    public async Task After_a_sync_revbots_mrr_answer_equals_the_fakes_own_sum()
    {
        await using var fake = await FakeStripe.StartAsync();
        var (app, http, path) = await StartHostAsync(fake);
        await using (app)
        using (http)
        {
            await AddAccountsAsync(path, 12);
            fake.Generate(300, i => $"A-{1 + (i % 12)}");

            var run = await SyncAsync(app);
            using var response = await http.PostAsJsonAsync("/api/ask", new { question = "what's our MRR", asOf = Today() }, TestContext.Current.CancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

            Assert.Null(run.Error);
            Assert.Equal("mrr", json.GetProperty("metric").GetString());
            Assert.Equal(fake.ExpectedMrr(DateOnly.FromDateTime(DateTime.UtcNow)), json.GetProperty("value").GetDecimal());
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_webhook_endpoint_answers_200_to_a_signed_event_and_refuses_the_rest()
    {
        await using var fake = await FakeStripe.StartAsync();
        var (app, http, path) = await StartHostAsync(fake);
        await using (app)
        using (http)
        {
            await AddAccountsAsync(path, 1);
            fake.AddProduct("prod_basic", "Basic");
            fake.AddCustomer(new FakeStripeCustomer("cus_1", null, new Dictionary<string, string> { [FakeStripe.MetadataKey] = "A-1" }));
            var s = StripeSyncTests.Sub("sub_http", fake.Now.Date.AddDays(-3), new FakeStripePrice("price_m49", "prod_basic", 4_900, "usd", "month", 1));
            fake.AddSubscription(s);
            var body = fake.EventJson(fake.Emit("customer.subscription.created", s));

            var wrong = await PostAsync(http, body, FakeStripe.Sign(body, "whsec_wrong", DateTimeOffset.UtcNow));
            var old = await PostAsync(http, body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow.AddMinutes(-10)));
            var notAnEvent = await PostAsync(http, "{not json", FakeStripe.Sign("{not json", Secret, DateTimeOffset.UtcNow));
            var tooLarge = await PostAsync(http, new string(' ', StripeWebhook.MaxBodyBytes + 1), "t=1,v1=00");
            var before = await CountAsync(path);
            var good = await PostAsync(http, body, FakeStripe.Sign(body, Secret, DateTimeOffset.UtcNow));

            Assert.Equal(HttpStatusCode.Unauthorized, wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, old);
            Assert.Equal(HttpStatusCode.BadRequest, notAnEvent);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
            Assert.Equal(0, before);
            Assert.Equal(HttpStatusCode.OK, good);
            Assert.Equal(1, await CountAsync(path));
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task An_enabled_stripe_source_without_a_key_stops_the_host_naming_the_setting()
    {
        var path = TestFiles.NewPath("stripe-nokey.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => RevBotServer.StartAsync(
            [$"--Database:Target=sqlite:{path}", "--Database:SeedDemoData=false", "--urls=http://127.0.0.1:0", "--Sources:Stripe:Enabled=true"],
            TestContext.Current.CancellationToken));
        Assert.Contains("Sources:Stripe:ApiKey (or Sources:Stripe:ApiKeyFile) is required", e.Failures.First(), StringComparison.Ordinal);
    }

    private static async Task<(WebApplication App, HttpClient Http, string Path)> StartHostAsync(FakeStripe fake)
    {
        var path = TestFiles.NewPath("stripe-host.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var app = await RevBotServer.StartAsync(
        [
            $"--Database:Target=sqlite:{path}", "--Database:SeedDemoData=false", "--urls=http://127.0.0.1:0",
            $"--Api:Key={ApiKey}", "--Api:UserEmail=api@example.com",
            // The test runs each sync itself: no background sync on this host.
            "--Sources:Stripe:Enabled=true", "--Sources:Stripe:Background=false", $"--Sources:Stripe:ApiKey={FakeStripe.ApiKey}", $"--Sources:Stripe:BaseUrl={fake.BaseUrl}",
            $"--Sources:Stripe:WebhookSecret={Secret}", $"--Sources:Stripe:MetadataKey={FakeStripe.MetadataKey}",
        ], TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return (app, http, path);
    }

    private static async Task<Core.Sources.SyncRun> SyncAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runner = ActivatorUtilities.CreateInstance<SyncRunner>(app.Services);
        var outcome = await runner.RunAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), app.Services.GetRequiredService<StripeConnector>(),
            new SyncRequest(Full: true), TestContext.Current.CancellationToken);
        return outcome.Run!;
    }

    private static async Task AddAccountsAsync(string path, int count)
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(path));
        for (var i = 1; i <= count; i++) db.Accounts.Add(new Account { Id = $"A-{i}", Name = $"Account {i}" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> CountAsync(string path)
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(path));
        return db.Subscriptions.Count();
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoints.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Net.Http.Json;
using System.Text.Json;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;
using RevBot.Testing.Sources;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// The real host with the Stripe source on: a sync from the fake, then "what's our MRR" asked through the API equals
/// the fake's own sum. Its webhook deliveries are in <see cref="StripeWebhookTests"/>.
/// </summary>
[Collection(StripeHarness.Collection)]
public sealed class StripeHostTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task After_a_sync_revbots_mrr_answer_equals_the_fakes_own_sum(DbProvider provider)
    {
        await using var h = await StripeHost.StartAsync(provider, webhookSecret: null);
        await h.AddAccountsAsync(12);
        h.Fake.Generate(300, i => $"A-{1 + (i % 12)}");

        var run = await h.SyncAsync(full: true);
        using var response = await h.Http.PostAsJsonAsync("/api/ask", new { question = "what's our MRR", asOf = Today() }, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Null(run.Error);
        Assert.Equal("mrr", json.GetProperty("metric").GetString());
        Assert.Equal(h.Fake.ExpectedMrr(DateOnly.FromDateTime(DateTime.UtcNow)), json.GetProperty("value").GetDecimal());
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

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Host.Hosting;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Deals;

/// <summary>GET/PATCH /api/deals/{id} and its history through the real host: the chat's rules, over HTTP.</summary>
public sealed class DealApiTests(DealApiHost host) : IClassFixture<DealApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Get_returns_the_deal_with_its_version_as_etag()
    {
        using var response = await host.Http.GetAsync(new Uri($"/api/deals/{DealWorld.AcmeExpansion}", UriKind.Relative), Ct);
        var deal = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{deal.GetProperty("version").GetInt32()}\"", response.Headers.ETag!.Tag);
        Assert.Equal(("Acme Corporation - Vision Kit expansion", "Acme Corporation", "Rae Rep", "Discovery", "open", "pipeline", "2027-01-31"),
            (deal.GetProperty("name").GetString(), deal.GetProperty("account").GetString(), deal.GetProperty("owner").GetString(), deal.GetProperty("stage").GetString(),
             deal.GetProperty("status").GetString(), deal.GetProperty("forecastCategory").GetString(), deal.GetProperty("closeDate").GetString()));
        Assert.Equal(20_000m, deal.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Patch_with_the_current_version_applies_and_is_audited_as_the_api_user()
    {
        var (version, _) = await host.GetAsync(DealWorld.AcmeRenewal);
        var closeDate = InDays(40);
        using var response = await host.PatchAsync(DealWorld.AcmeRenewal, $$"""{"amount": 64000.5, "stage": "Negotiation", "closeDate": "{{closeDate}}", "nextStep": null}""", $"\"{version}\"");
        var deal = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((version + 1, 64_000.5m, "Negotiation", closeDate), (deal.GetProperty("version").GetInt32(), deal.GetProperty("amount").GetDecimal(),
            deal.GetProperty("stage").GetString(), deal.GetProperty("closeDate").GetString()));
        Assert.Equal($"\"{version + 1}\"", response.Headers.ETag!.Tag);

        var history = await host.Http.GetFromJsonAsync<JsonElement>($"/api/deals/{DealWorld.AcmeRenewal}/history", Ct);
        var entry = history[0];
        Assert.Equal(("CRM Sync", "api", "update", version + 1), (entry.GetProperty("user").GetString(), entry.GetProperty("channel").GetString(),
            entry.GetProperty("action").GetString(), entry.GetProperty("version").GetInt32()));
        Assert.Equal("[\"Proposal\",\"Negotiation\"]", entry.GetProperty("changes").GetProperty("stage").GetRawText());
        await using var db = host.Database.NewContext();
        Assert.Equal("Negotiation", (await db.DealStageHistory.Where(h => h.DealId == DealWorld.AcmeRenewal).OrderBy(h => h.Id).LastAsync(Ct)).Stage);
    }

    [Fact]
    public async Task Patch_on_an_older_version_is_412_with_what_changed_since()
    {
        var (version, _) = await host.GetAsync(DealWorld.Initech);
        using var first = await host.PatchAsync(DealWorld.Initech, """{"probability": 30}""", version.ToString(CultureInfo.InvariantCulture));
        using var second = await host.PatchAsync(DealWorld.Initech, """{"amount": 1}""", $"W/\"{version}\"");
        var body = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.PreconditionFailed), (first.StatusCode, second.StatusCode));
        Assert.Equal(version + 1, body.GetProperty("currentVersion").GetInt32());
        Assert.Equal("[null,30]", body.GetProperty("changes")[0].GetProperty("changes").GetProperty("probability").GetRawText());
        Assert.Equal(10_000m, (await host.GetAsync(DealWorld.Initech)).Deal.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Bad_values_are_422_with_a_message_per_field_and_change_nothing()
    {
        var (version, _) = await host.GetAsync(DealWorld.Cafe);
        using var response = await host.PatchAsync(DealWorld.Cafe,
            $$"""{"amount": -5, "probability": 150, "stage": "won it", "closeDate": "{{InDays(-3)}}", "owner": "me", "nextStep": true}""", $"\"{version}\"");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["nextStep", "owner"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        using var fields = await host.PatchAsync(DealWorld.Cafe, $$"""{"amount": -5, "probability": 150, "stage": "won it", "closeDate": "{{InDays(-3)}}"}""", $"\"{version}\"");
        var messages = (await fields.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fields.StatusCode);
        Assert.Equal("The amount can't be negative.", messages.GetProperty("amount").GetString());
        Assert.Equal("Enter the probability as a whole number from 0 to 100.", messages.GetProperty("probability").GetString());
        Assert.StartsWith("Choose one of the configured stages", messages.GetProperty("stage").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("The close date can't be in the past", messages.GetProperty("closeDate").GetString(), StringComparison.Ordinal);
        Assert.Equal(version, (await host.GetAsync(DealWorld.Cafe)).Version);
    }

    [Theory]
    [InlineData("""{"stage": "Closed Won"}""", "stage", "Closed Won goes with status won")]
    [InlineData("""{"stage": "Closed Lost", "lossReason": "price"}""", "stage", "Closed Lost goes with status lost")]
    [InlineData("""{"amount": "12,50"}""", "amount", "commas only between thousands")]
    [InlineData("""{"amount": "1,2,3"}""", "amount", "commas only between thousands")]
    [InlineData("""{"amount": "1.250"}""", "amount", "isn't clear whether 1.250 has thousands or decimals")]
    public async Task A_closed_stage_without_its_status_or_a_misplaced_separator_is_422_on_its_field_and_changes_nothing(string body, string field, string message)
    {
        var (version, before) = await host.GetAsync(DealWorld.AcmeExpansion);
        using var response = await host.PatchAsync(DealWorld.AcmeExpansion, body, $"\"{version}\"");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, errors.GetProperty(field).GetString(), StringComparison.Ordinal);
        var (after, deal) = await host.GetAsync(DealWorld.AcmeExpansion);
        Assert.Equal((version, "open", "Discovery", 20_000m), (after, deal.GetProperty("status").GetString(), deal.GetProperty("stage").GetString(), deal.GetProperty("amount").GetDecimal()));
        Assert.Equal(before.GetProperty("amount").GetDecimal(), deal.GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("\"$12,500.50\"", 12_500.50)]
    [InlineData("1250.000", 1250)]
    [InlineData("1.25e3", 1250)]
    [InlineData("1.250", 1.25)]
    public async Task An_amount_is_read_as_written_and_a_json_number_as_the_number_it_is(string amount, double expected)
    {
        var (version, _) = await host.GetAsync(DealWorld.Cafe);
        using var response = await host.PatchAsync(DealWorld.Cafe, $$"""{"amount": {{amount}}}""", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((decimal)expected, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task The_same_idempotency_key_applies_once()
    {
        var (version, _) = await host.GetAsync(DealWorld.AcmeLost);
        var key = Guid.NewGuid().ToString("N");
        using var first = await host.PatchAsync(DealWorld.AcmeLost, """{"nextStep": "Win-back in Q2"}""", $"\"{version}\"", key);
        using var retry = await host.PatchAsync(DealWorld.AcmeLost, """{"nextStep": "Win-back in Q2"}""", $"\"{version}\"", key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(version + 1, (await host.GetAsync(DealWorld.AcmeLost)).Version);
        await using var db = host.Database.NewContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == DealWorld.AcmeLost && a.Channel == ChangeChannel.Api, Ct));
    }

    [Fact]
    public async Task Unknown_deals_are_404()
    {
        using var get = await host.Http.GetAsync(new Uri("/api/deals/deal-nope", UriKind.Relative), Ct);
        using var patch = await host.PatchAsync("deal-nope", """{"amount": 1}""", "\"1\"");
        using var history = await host.Http.GetAsync(new Uri("/api/deals/deal-nope/history", UriKind.Relative), Ct);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { get.StatusCode, patch.StatusCode, history.StatusCode });
    }

    [Fact]
    public async Task Patch_without_if_match_is_428()
    {
        using var response = await host.PatchAsync(DealWorld.AcmeExpansion, """{"amount": 1}""", null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Contains("If-Match", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "\"1\"")]
    [InlineData("[1, 2]", "\"1\"")]
    [InlineData("\"amount\"", "\"1\"")]
    [InlineData("{\"amount\": 1", "\"1\"")]
    [InlineData("{\"amount\": 1}", "*")]
    [InlineData("{\"amount\": 1}", "\"seven\"")]
    public async Task Bad_requests_are_400_and_change_nothing(string body, string ifMatch)
    {
        var (version, _) = await host.GetAsync(DealWorld.GlobexWon);
        using var response = await host.PatchAsync(DealWorld.GlobexWon, body, ifMatch);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(version, (await host.GetAsync(DealWorld.GlobexWon)).Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_right_key_every_deal_endpoint_is_401(string? key)
    {
        using var http = new HttpClient { BaseAddress = host.Http.BaseAddress };
        if (key is not null) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var get = await http.GetAsync(new Uri($"/api/deals/{DealWorld.AcmeRenewal}", UriKind.Relative), Ct);
        using var patch = await DealApiHost.PatchAsync(http, DealWorld.AcmeRenewal, """{"amount": 1}""", "\"1\"");
        using var history = await http.GetAsync(new Uri($"/api/deals/{DealWorld.AcmeRenewal}/history", UriKind.Relative), Ct);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { get.StatusCode, patch.StatusCode, history.StatusCode });
    }

    [Fact]
    public async Task An_api_user_who_may_not_change_the_deal_gets_403()
    {
        var (app, http) = await DealApiHost.StartAsync(host.Database, DealWorld.Rob);
        await using (app)
        using (http)
        {
            var (version, _) = await host.GetAsync(DealWorld.AcmeExpansion);
            using var response = await DealApiHost.PatchAsync(http, DealWorld.AcmeExpansion, """{"amount": 1}""", $"\"{version}\"");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("only Rae Rep, their manager or RevOps", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(version, (await host.GetAsync(DealWorld.AcmeExpansion)).Version);
        }
    }

    [Fact]
    public async Task History_is_newest_first_and_limit_is_checked()
    {
        var (version, _) = await host.GetAsync(DealWorld.AcmeExpansion);
        using (await host.PatchAsync(DealWorld.AcmeExpansion, """{"forecastCategory": "best_case"}""", $"\"{version}\"")) { }
        // Back to where it started: the other tests in this class read this deal as the seed made it.
        using (await host.PatchAsync(DealWorld.AcmeExpansion, """{"forecastCategory": "pipeline"}""", $"\"{version + 1}\"")) { }

        var history = await host.Http.GetFromJsonAsync<JsonElement>($"/api/deals/{DealWorld.AcmeExpansion}/history?limit=1", Ct);
        using var bad = await host.Http.GetAsync(new Uri($"/api/deals/{DealWorld.AcmeExpansion}/history?limit=0", UriKind.Relative), Ct);

        Assert.Equal(1, history.GetArrayLength());
        Assert.Equal("[\"best_case\",\"pipeline\"]", history[0].GetProperty("changes").GetProperty("forecastCategory").GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_key_without_a_user_to_attribute_changes_to_stops_the_host()
    {
        var path = TestFiles.NewPath("nouser.db");
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RevBotServer.StartAsync(
            [$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false", "--Api:Key=some-key"], Ct));
        Assert.StartsWith("Api:UserEmail must be the e-mail of the RevBot user", ex.Failures.Single(), StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Host.Hosting;
using RevBot.Slack;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Slack.Protocol.Inbound;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>The HTTP Request URLs, on a small app wired exactly as the host wires them.</summary>
public sealed class SlackEndpointTests
{
    private const string Secret = "e3b0c44298fc1c149afbf4c8996fb924";
    private readonly List<SlackInbound> _received = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Url_verification_answers_the_challenge_when_signed()
    {
        await using var app = await StartAsync(Secret);
        using var http = Client(app);

        var response = await http.SendAsync(Signed(SlackEndpoints.EventsPath, """{"type":"url_verification","token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}""", "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Unsigned_stale_and_tampered_requests_are_401_and_never_reach_the_handler()
    {
        await using var app = await StartAsync(Secret);
        using var http = Client(app);
        const string body = """{"type":"event_callback","event":{"type":"app_mention"}}""";

        var unsigned = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.EventsPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var stale = Signed(SlackEndpoints.EventsPath, body, "application/json", DateTimeOffset.UtcNow.AddMinutes(-6));
        var tampered = Signed(SlackEndpoints.EventsPath, body, "application/json");
        tampered.Content = new StringContent(body.Replace("app_mention", "app_home_opened", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        foreach (var request in new[] { unsigned, stale, tampered })
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request, Ct)).StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        await using var app = await StartAsync(Secret);
        using var http = Client(app);
        var response = await http.SendAsync(Signed(SlackEndpoints.EventsPath, new string('x', SlackRequestBody.MaxBytes + 1), "application/json"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Events_commands_and_interactions_reach_the_handler_as_socket_mode_would_deliver_them()
    {
        await using var app = await StartAsync(Secret);
        using var http = Client(app);

        var evt = await http.SendAsync(Signed(SlackEndpoints.EventsPath, """{"type":"event_callback","event_id":"Ev1","event":{"type":"message","channel_type":"im","text":"hola"}}""", "application/json"), Ct);
        var cmd = await http.SendAsync(Signed(SlackEndpoints.CommandsPath, "command=%2Frevbot&text=win+rate+%C3%B1&user_id=U1&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1", "application/x-www-form-urlencoded"), Ct);
        var act = await http.SendAsync(Signed(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString("""{"type":"block_actions","actions":[{"action_id":"ask:1","value":"win rate"}]}"""), "application/x-www-form-urlencoded"), Ct);

        Assert.Equal(HttpStatusCode.OK, evt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, act.StatusCode);
        Assert.Equal("""{"response_type":"ephemeral","text":"On it"}""", await cmd.Content.ReadAsStringAsync(Ct));
        Assert.Equal([SlackInboundKind.EventsApi, SlackInboundKind.SlashCommand, SlackInboundKind.Interactive], _received.Select(r => r.Kind));
        Assert.Equal("hola", _received[0].Payload.GetProperty("event").GetProperty("text").GetString());
        Assert.Equal("win rate ñ", _received[1].Payload.GetProperty("text").GetString());
        Assert.Equal("block_actions", _received[2].PayloadType);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_slack_endpoints_do_not_exist()
    {
        await using var app = await StartAsync(null);
        using var http = Client(app);
        var response = await http.SendAsync(Signed(SlackEndpoints.EventsPath, """{"type":"url_verification","challenge":"x"}""", "application/json"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_slack_setting_stops_the_host_with_one_sentence_naming_it()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RevBotServer.StartAsync(["--Database:Target=sqlite::memory:", "--urls=http://127.0.0.1:0", "--Slack:SigningSecret=s", "--Slack:BotToken=xoxp-user-token"], Ct));
        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Slack:BotToken", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("user-token", failure, StringComparison.Ordinal);
    }

    private async Task<WebApplication> StartAsync(string? secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Slack:SigningSecret"] = secret;
        builder.Configuration["Slack:BotToken"] = "xoxb-test";
        builder.Services.AddSingleton<ISlackInboundHandler>(new Recorder(_received));
        builder.Services.AddSlack(builder.Configuration);
        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync(Ct);
        return app;
    }

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    private static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null)
    {
        var ts = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(Secret, ts, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private sealed class Recorder(List<SlackInbound> received) : ISlackInboundHandler
    {
        public ValueTask<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct)
        {
            lock (received) received.Add(inbound);
            return ValueTask.FromResult(inbound.Kind == SlackInboundKind.SlashCommand ? SlackAck.With(new { response_type = "ephemeral", text = "On it" }) : SlackAck.Empty);
        }
    }
}

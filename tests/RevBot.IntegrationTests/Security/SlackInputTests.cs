using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Chat;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// Signed Slack requests whose payload cannot be stored as it is: strings that are not UTF-8 text and over-long ids
/// are refused with 400 before any work is queued; NUL characters are dropped and the question is answered (on
/// PostgreSQL, which refuses NUL, as on SQLite); bodies past 1 MiB are 413 whether or not they declare a length.
/// The SQLite tests share one host: each uses its own event ids, channels and response URLs.
/// </summary>
public sealed class SlackInputTests(SlackBotHost shared) : IClassFixture<SlackBotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Payloads_that_are_not_text_or_carry_over_long_ids_are_400_and_queue_nothing()
    {
        var host = shared;
        byte[][] bodies =
        [
            [.. Utf8("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"EvBad1\",\"event\":{\"type\":\"app_mention\",\"channel\":\"C900\",\"user\":\"UREP0001\",\"ts\":\"1.1\",\"text\":\"arr "), 0xC3, 0x28, .. Utf8("\"}}")],
            Utf8("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"EvBad2\",\"event\":{\"type\":\"app_mention\",\"channel\":\"C900\",\"user\":\"UREP0001\",\"ts\":\"1.1\",\"text\":\"\\uDFFF\"}}"),
            Utf8($"{{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"EvBad3\",\"event\":{{\"type\":\"app_mention\",\"channel\":\"{new string('C', 100_000)}\",\"user\":\"UREP0001\",\"ts\":\"1.1\",\"text\":\"arr\"}}}}"),
        ];
        foreach (var body in bodies)
        {
            using var response = await PostSignedAsync(host, SlackEndpoints.EventsPath, body, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var command = $"command=%2Frevbot&text=arr&team_id=T1&channel_id={new string('C', 100_000)}&user_id=UREP0001&response_url={Uri.EscapeDataString(host.Fake.BaseUri + "respond/x")}";
        using (var response = await PostSignedAsync(host, SlackEndpoints.CommandsPath, Utf8(command), "application/x-www-form-urlencoded"))
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        await using var scope = host.App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RevBotDb>().InboundDeliveries.AnyAsync(d => d.DeliveryId.StartsWith("EvBad"), Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_one_mebibyte_is_413_declared_or_chunked(bool chunked)
    {
        var body = Utf8("{\"type\":\"url_verification\",\"challenge\":\"" + new string('x', 1_100_000) + "\"}");
        using var response = await PostSignedAsync(shared, SlackEndpoints.EventsPath, body, "application/json", chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_nul_in_a_question_is_dropped_and_the_question_answered(DbProvider provider)
    {
        await using var database = await SeededPostgres.CreateAsync(provider);
        await using var own = database is null ? null : new SlackBotHost(new SlackBotHostOptions { ExtraArgs = SeededPostgres.HostArgs(database) });
        if (own is not null) await own.InitializeAsync();
        var host = own ?? shared;

        var mention = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"EvNul1\",\"event\":{\"type\":\"app_mention\",\"channel\":\"C901\\u0000\",\"user\":\"UREP0001\",\"ts\":\"1700000901.000100\",\"text\":\"<@UBOT0001> what's our pipeline?\\u0000\"}}";
        using (var response = await PostSignedAsync(host, SlackEndpoints.EventsPath, Utf8(mention), "application/json"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = $"command=%2Frevbot&text=win+rate+this+quarter%00&team_id=T1&channel_id=C902%00&user_id=UREP0001&response_url={Uri.EscapeDataString(host.Fake.BaseUri + "respond/nul")}";
        using (var response = await PostSignedAsync(host, SlackEndpoints.CommandsPath, Utf8(command), "application/x-www-form-urlencoded"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains("C901", StringComparison.Ordinal))).Single().Body);
        var answer = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "/respond/nul")).Single().Body);
        foreach (var text in new[] { post.GetProperty("text").GetString(), answer.GetProperty("text").GetString() })
        {
            Assert.DoesNotContain("can't reach", text, StringComparison.Ordinal);
            Assert.Matches("[0-9]", text);
        }
        Assert.Equal("C901", post.GetProperty("channel").GetString());
    }

    private static Task<HttpResponseMessage> PostSignedAsync(SlackBotHost host, string path, byte[] body, string contentType, bool chunked = false)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        HttpContent content = chunked ? new ChunkedContent(body, contentType) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackBotHost.Secret, ts, body));
        return host.Http.SendAsync(request, Ct);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

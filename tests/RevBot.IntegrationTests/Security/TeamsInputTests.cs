using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Chat;
using RevBot.IntegrationTests.Teams;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// Authentic Teams activities whose text cannot be stored as it is: strings that are not UTF-8 text and ids longer
/// than their columns are refused with 400 and claim nothing; NUL characters are dropped and the message answered;
/// bodies past 1 MiB are 413 whether or not they declare a length.
/// </summary>
public sealed class TeamsInputTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Activities_that_are_not_text_or_carry_over_long_ids_are_400_and_claim_nothing()
    {
        var badUtf8 = host.Activity("message", $"a:{Guid.NewGuid():N}", "MARKER");
        var escaped = host.Activity("message", $"a:{Guid.NewGuid():N}", "MARKER");
        var longId = host.Activity("message", new string('a', 100_000), "pipeline by stage");
        var longActivityId = host.Activity("message", $"a:{Guid.NewGuid():N}", "pipeline by stage");
        longActivityId["id"] = new string('i', 201);
        var ids = new[] { badUtf8, escaped, longId, longActivityId }.Select(a => (string)a["id"]!).ToList();

        var bodies = new[]
        {
            Replace(badUtf8, [0xC3, 0x28]),
            Replace(escaped, Encoding.ASCII.GetBytes("\\uD800")),
            Encoding.UTF8.GetBytes(longId.ToJsonString()),
            Encoding.UTF8.GetBytes(longActivityId.ToJsonString()),
        };
        foreach (var body in bodies)
        {
            using var response = await Post(new ByteArrayContent(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.False(await host.WithDbAsync(db => db.InboundDeliveries.AnyAsync(d => ids.Contains(d.DeliveryId), Ct)));
    }

    [Fact]
    public async Task A_nul_in_a_message_is_dropped_and_the_message_answered()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        using var response = await Post(new ByteArrayContent(Encoding.UTF8.GetBytes(host.Activity("message", conversation, "pipeline by stage\0").ToJsonString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await host.SentToAsync(conversation, s => s.Any(r => r.Path.Contains("/activities/", StringComparison.Ordinal)));
        Assert.Contains("Pipeline", sent.Last().Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_chunked_body_over_one_mebibyte_is_413()
    {
        var big = host.Activity("message", $"a:{Guid.NewGuid():N}", new string('x', 1024 * 1024 + 10));
        using var response = await Post(new ChunkedContent(Encoding.UTF8.GetBytes(big.ToJsonString()), "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>The activity as bytes with its text's MARKER replaced by <paramref name="raw"/> (no JSON encoder would write them).</summary>
    private static byte[] Replace(JsonObject activity, byte[] raw)
    {
        var json = activity.ToJsonString();
        var at = json.IndexOf("MARKER", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. raw, .. Encoding.UTF8.GetBytes(json[(at + 6)..])];
    }

    private async Task<HttpResponseMessage> Post(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.ValidToken());
        return await host.Http.SendAsync(request, Ct);
    }
}

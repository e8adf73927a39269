using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Slack;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>RevBot's request signing against Slack's own implementation (verifySlackRequest from @slack/bolt), both ways.</summary>
public sealed class SigningConformanceTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Bodies =
    [
        """{"type":"event_callback","event":{"type":"app_mention","text":"<@U0> win rate ñ 😀"}}""",
        "command=%2Frevbot&text=bookings+by+region&user_id=U1",
        "payload=%7B%22type%22%3A%22block_actions%22%7D",
        "",
    ];

    [Fact]
    public async Task Bolt_accepts_what_revbot_signs_and_rejects_what_revbot_rejects()
    {
        NodeConformance.Require("@slack/bolt");
        var ts = Now.ToUnixTimeSeconds();
        var stale = Now.AddMinutes(-6).ToUnixTimeSeconds();
        var cases = Bodies.Select(b => new { timestamp = ts, body = b, signature = Sign(ts, b) })
            .Append(new { timestamp = ts, body = Bodies[0] + " ", signature = Sign(ts, Bodies[0]) })
            .Append(new { timestamp = stale, body = Bodies[1], signature = Sign(stale, Bodies[1]) })
            .ToList();

        var output = await RunAsync(new { secret = Secret, nowMs = Now.ToUnixTimeMilliseconds(), verify = cases });

        var verdicts = output.GetProperty("verify").EnumerateArray().Select(v => v.GetProperty("valid").GetBoolean()).ToList();
        Assert.Equal([true, true, true, true, false, false], verdicts);
        Assert.Contains("signature mismatch", output.GetProperty("verify")[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("stale", output.GetProperty("verify")[5].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevBot_accepts_bolt_compatible_signatures_made_by_node()
    {
        NodeConformance.Require("@slack/bolt");
        var ts = Now.ToUnixTimeSeconds();
        var output = await RunAsync(new { secret = Secret, nowMs = Now.ToUnixTimeMilliseconds(), sign = Bodies.Select(b => new { timestamp = ts, body = b }) });

        var verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = Secret }), new FakeTimeProvider(Now));
        var signatures = output.GetProperty("sign").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Equal(Bodies.Length, signatures.Count);
        for (var i = 0; i < Bodies.Length; i++)
            Assert.Equal(SlackSignatureCheck.Valid, verifier.Verify(ts.ToString(CultureInfo.InvariantCulture), signatures[i], Encoding.UTF8.GetBytes(Bodies[i])));
    }

    private static string Sign(long ts, string body) =>
        SlackSignature.Compute(Secret, ts.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(body));

    private static async Task<JsonElement> RunAsync(object input)
    {
        var (exit, stdout, stderr) = await NodeConformance.RunAsync(JsonSerializer.Serialize(input), "slack/verify-requests.mjs");
        Assert.True(exit == 0, $"node slack/verify-requests.mjs failed ({exit}):\n{stderr}");
        return JsonSerializer.Deserialize<JsonElement>(stdout);
    }
}

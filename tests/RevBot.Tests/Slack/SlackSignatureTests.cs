using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Slack;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.Tests.Slack;

public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=xyz&team_id=T1&command=%2Frevbot&text=win+rate+%C3%B1");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T10:00:00Z", CultureInfo.InvariantCulture));

    private string Now => _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private SlackSignatureVerifier Verifier(string? secret = Secret) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), _time);

    [Fact]
    public void Slacks_documented_example_signature_is_reproduced()
    {
        // The example from Slack's "Verifying requests from Slack" page.
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var signature = SlackSignature.Compute(Secret, "1531420618", Encoding.UTF8.GetBytes(body));
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature);
    }

    [Fact]
    public void A_request_signed_with_the_secret_just_now_is_valid()
    {
        var signature = SlackSignature.Compute(Secret, Now, Body);
        Assert.Equal(SlackSignatureCheck.Valid, Verifier().Verify(Now, signature, Body));
    }

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var signature = SlackSignature.Compute(Secret, Now, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^1] ^= 1;
        Assert.Equal(SlackSignatureCheck.Mismatch, Verifier().Verify(Now, signature, tampered));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_rejected()
    {
        var signature = SlackSignature.Compute("another-secret", Now, Body);
        Assert.Equal(SlackSignatureCheck.Mismatch, Verifier().Verify(Now, signature, Body));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void A_timestamp_six_minutes_away_is_rejected_even_when_correctly_signed(int minutes)
    {
        var ts = _time.GetUtcNow().AddMinutes(minutes).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(SlackSignatureCheck.StaleTimestamp, Verifier().Verify(ts, SlackSignature.Compute(Secret, ts, Body), Body));
    }

    [Fact]
    public void A_timestamp_four_minutes_old_is_accepted()
    {
        var ts = _time.GetUtcNow().AddMinutes(-4).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(SlackSignatureCheck.Valid, Verifier().Verify(ts, SlackSignature.Compute(Secret, ts, Body), Body));
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("1531420618", null)]
    [InlineData("", "")]
    public void Missing_headers_are_rejected(string? timestamp, string? signature) =>
        Assert.Equal(SlackSignatureCheck.MissingHeaders, Verifier().Verify(timestamp, signature, Body));

    [Fact]
    public void A_timestamp_that_is_not_a_number_is_rejected() =>
        Assert.Equal(SlackSignatureCheck.InvalidTimestamp, Verifier().Verify("12:00", "v0=00", Body));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_signing_secret_nothing_verifies(string? secret)
    {
        var verifier = Verifier(secret);
        Assert.False(verifier.IsConfigured);
        Assert.Equal(SlackSignatureCheck.NotConfigured, verifier.Verify(Now, SlackSignature.Compute(Secret, Now, Body), Body));
    }

    [Fact]
    public void The_signature_covers_the_raw_bytes_not_a_re_encoded_string()
    {
        var latin1 = new byte[] { 0x74, 0x65, 0x78, 0x74, 0x3d, 0xf1 }; // "text=ñ" in Latin-1: not valid UTF-8
        var signature = SlackSignature.Compute(Secret, Now, latin1);
        Assert.Equal(SlackSignatureCheck.Valid, Verifier().Verify(Now, signature, latin1));
        Assert.Equal(SlackSignatureCheck.Mismatch, Verifier().Verify(Now, signature, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(latin1))));
    }
}

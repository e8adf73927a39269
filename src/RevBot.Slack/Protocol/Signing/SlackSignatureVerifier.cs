using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RevBot.Slack.Protocol.Signing;

/// <summary>Checks <c>X-Slack-Signature</c> over the raw body, rejecting replays older (or newer) than five minutes.</summary>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly string? _secret = options.Value.SigningSecret is { Length: > 0 } s ? s : null;

    public bool IsConfigured => _secret is not null;

    public SlackSignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (_secret is null) return SlackSignatureCheck.NotConfigured;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SlackSignatureCheck.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SlackSignatureCheck.InvalidTimestamp;
        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > MaxClockSkew.TotalSeconds) return SlackSignatureCheck.StaleTimestamp;

        var expected = Encoding.ASCII.GetBytes(SlackSignature.Compute(_secret, timestamp, body));
        var presented = Encoding.ASCII.GetBytes(signature);
        // Lengths are public (v0= + 64 hex digits); the comparison of the digits is constant-time.
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? SlackSignatureCheck.Valid : SlackSignatureCheck.Mismatch;
    }
}

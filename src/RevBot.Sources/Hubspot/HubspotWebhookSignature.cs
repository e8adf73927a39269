using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// HubSpot's v3 request signature: <c>X-HubSpot-Signature-v3</c> is the base64 HMAC-SHA256, keyed with the app's client
/// secret, of method + URI + body + <c>X-HubSpot-Request-Timestamp</c> (epoch milliseconds). A request older (or
/// newer) than five minutes is refused as a possible replay; the comparison is constant-time.
/// </summary>
public static class HubspotWebhookSignature
{
    public const string SignatureHeader = "X-HubSpot-Signature-v3";
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The characters HubSpot decodes in the URI before signing it.</summary>
    private static readonly (string Encoded, string Plain)[] Decoded =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"), ("%27", "'"),
        ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    public static string Compute(string secret, string method, string uri, ReadOnlySpan<byte> body, string timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(method + DecodeUri(uri)));
        hmac.AppendData(body);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        return Convert.ToBase64String(hmac.GetHashAndReset());
    }

    public static HubspotSignatureCheck Verify(
        string? secret, string method, string uri, ReadOnlySpan<byte> body, string? timestamp, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret)) return HubspotSignatureCheck.NotConfigured;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return HubspotSignatureCheck.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return HubspotSignatureCheck.InvalidTimestamp;
        if (Math.Abs(now.ToUnixTimeMilliseconds() - ms) > MaxAge.TotalMilliseconds) return HubspotSignatureCheck.StaleTimestamp;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, method, uri, body, timestamp));
        var presented = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? HubspotSignatureCheck.Valid : HubspotSignatureCheck.Mismatch;
    }

    private static string DecodeUri(string uri)
    {
        foreach (var (encoded, plain) in Decoded) uri = uri.Replace(encoded, plain, StringComparison.OrdinalIgnoreCase);
        return uri;
    }
}

/// <summary>Why a webhook was accepted or refused: logged, never told to the caller.</summary>
public enum HubspotSignatureCheck
{
    Valid,
    NotConfigured,
    MissingHeaders,
    InvalidTimestamp,
    StaleTimestamp,
    Mismatch,
}

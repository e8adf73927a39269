using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RevBot.Slack.Protocol.Signing;

/// <summary>
/// What makes a verified HTTP request from Slack this one request: a hash of what its signature covers (the timestamp
/// and the body). A replay within the signature's 5-minute window repeats both exactly and gets the same key; anything
/// Slack sends anew (a user typing the same command again) has a new timestamp and a new <c>trigger_id</c> in its body,
/// so a new key. A hash, not the signature itself, so the stored key does not change with the signing secret and is
/// no credential. See docs/slack.md, "Replayed slash commands".
/// </summary>
public static class SlackReplayKey
{
    public static string For(HttpContext http, string prefix)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes($"v0:{http.Request.Headers[SlackSignature.TimestampHeader]}:"));
        hash.AppendData(http.GetSlackBody().Bytes.Span);
        return prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

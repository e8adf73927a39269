using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// Decides where the bot token may be sent: a service URL on the configured allow-list, or one that arrived in an
/// activity whose token vouched for it (the <c>serviceurl</c> claim). Anything else is refused before a request is built.
/// </summary>
public sealed class ServiceUrlTrust
{
    // Bounded so a flood of distinct (validated) URLs cannot grow memory without limit.
    internal const int MaxValidated = 1000;
    private readonly Uri[] _configured;
    private readonly ConcurrentDictionary<string, long> _validated = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public ServiceUrlTrust(IOptions<TeamsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _configured = [.. options.Value.EffectiveTrustedServiceUrls
            .Select(u => ServiceUrls.TryParse(u, out var uri) ? uri : null).OfType<Uri>()];
    }

    public bool IsTrusted(string? serviceUrl)
    {
        if (!ServiceUrls.TryParse(serviceUrl, out var uri)) return false;
        return _validated.ContainsKey(ServiceUrls.Normalize(uri)) || _configured.Any(allowed => ServiceUrls.IsUnder(uri, allowed));
    }

    /// <summary>Called by the authenticator only, after the token's <c>serviceurl</c> claim matched the activity.</summary>
    internal void TrustValidated(string serviceUrl)
    {
        if (!ServiceUrls.TryParse(serviceUrl, out var uri)) return;
        var key = ServiceUrls.Normalize(uri);
        if (!_validated.ContainsKey(key) && _validated.Count >= MaxValidated)
        {
            var oldest = _validated.MinBy(e => e.Value).Key;
            _validated.TryRemove(oldest, out _);
        }
        _validated[key] = _time.GetTimestamp();
    }
}

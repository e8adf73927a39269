using Microsoft.IdentityModel.Tokens;

namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// One fetch of an OpenID metadata document and its JWKS: the signing keys, the algorithms the issuer signs with and,
/// for the Bot Framework, each key's <c>endorsements</c> (the channel ids it may vouch for).
/// </summary>
public sealed class SigningKeySet(
    string? issuer,
    IReadOnlyList<SecurityKey> keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> endorsements,
    IReadOnlyList<string> algorithms)
{
    public string? Issuer { get; } = issuer;
    public IReadOnlyList<SecurityKey> Keys { get; } = keys;

    /// <summary>Key id → endorsed channel ids. A key missing here carries no endorsements.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements { get; } = endorsements;

    /// <summary><c>id_token_signing_alg_values_supported</c>; empty when the metadata does not say.</summary>
    public IReadOnlyList<string> Algorithms { get; } = algorithms;

    public bool HasKey(string? keyId) => keyId is not null && Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
}

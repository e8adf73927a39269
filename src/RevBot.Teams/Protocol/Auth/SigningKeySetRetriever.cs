using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// Reads an OpenID metadata document, then its <c>jwks_uri</c>. The Bot Framework adds a non-standard
/// <c>endorsements</c> array to each key, which Microsoft.IdentityModel does not surface, so it is read here.
/// </summary>
internal sealed class SigningKeySetRetriever : IConfigurationRetriever<SigningKeySet>
{
    public async Task<SigningKeySet> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        var metadata = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
        if (string.IsNullOrEmpty(metadata.JwksUri)) throw new InvalidOperationException($"The OpenID metadata at {address} names no jwks_uri.");
        var jwks = await retriever.GetDocumentAsync(metadata.JwksUri, cancel);
        var keys = new JsonWebKeySet(jwks).GetSigningKeys();
        return new SigningKeySet(metadata.Issuer, [.. keys], ReadEndorsements(jwks), [.. metadata.IdTokenSigningAlgValuesSupported]);
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string jwks)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(jwks);
        if (!doc.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array) return result;
        foreach (var key in keys.EnumerateArray())
        {
            if (!key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String) continue;
            if (!key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array) continue;
            result[kid.GetString()!] = list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        return result;
    }
}

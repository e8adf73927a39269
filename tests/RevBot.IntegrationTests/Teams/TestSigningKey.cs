using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace RevBot.IntegrationTests.Teams;

/// <summary>An RSA key pair with a key id: signs test tokens, and publishes its public half as a JWK.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;
    private readonly bool _ownsKey;

    public TestSigningKey(string kid) : this(kid, RSA.Create(2048), ownsKey: true) { }

    private TestSigningKey(string kid, RSA rsa, bool ownsKey)
    {
        Kid = kid;
        _rsa = rsa;
        _ownsKey = ownsKey;
    }

    /// <summary>The same key pair under another key id (RSA generation is slow; forged kids need no fresh key).</summary>
    public TestSigningKey WithKid(string kid) => new(kid, _rsa, ownsKey: false);

    public string Kid { get; }

    public SecurityKey SecurityKey => new RsaSecurityKey(_rsa) { KeyId = Kid };

    public JsonObject ToJwk()
    {
        var p = _rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
    }

    public void Dispose()
    {
        if (_ownsKey) _rsa.Dispose();
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RevBot.Teams;
using RevBot.Teams.Protocol.Auth;

namespace RevBot.IntegrationTests.Teams;

/// <summary>Connector-to-bot token validation against a local OpenID metadata + JWKS with test keys and endorsements.</summary>
public sealed class BotAuthenticatorTests : IAsyncLifetime
{
    private const string Channel = "msteams";
    // One RSA key for the whole class: generating 2048-bit keys is slow on a shared CI machine.
    private static readonly TestSigningKey SharedKey = new("key-1");
    private readonly TestSigningKey _key = SharedKey;
    private FakeOpenIdProvider _provider = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenIdProvider.StartAsync();
        _provider.AddBotFrameworkKey(_key, "msteams", "webchat");
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_token_is_accepted_and_its_service_url_becomes_trusted()
    {
        var (auth, trust) = Create();
        Assert.False(trust.IsTrusted("https://smba.trafficmanager.net.evil.example/amer/"));

        var result = await Authenticate(auth, TestTokens.Create(_key));

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(200, result.StatusCode);
        Assert.True(trust.IsTrusted(TestTokens.ServiceUrl));
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_accepted()
    {
        var (auth, _) = Create();
        var token = TestTokens.Create(_key, notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddMinutes(-3));
        Assert.True((await Authenticate(auth, token)).Succeeded);
    }

    public static TheoryData<string> InvalidTokens => new()
    {
        "wrong issuer", "wrong audience", "expired", "not yet valid", "bad signature", "alg none", "hs256", "garbage", "entra issuer of a multi-tenant bot",
    };

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task Invalid_tokens_are_refused_with_401(string problem)
    {
        var (auth, trust) = Create();
        var now = DateTime.UtcNow;
        var token = problem switch
        {
            "wrong issuer" => TestTokens.Create(_key, issuer: "https://api.botframework.com.evil.example"),
            "wrong audience" => TestTokens.Create(_key, audience: "99999999-2222-3333-4444-555555555555"),
            "expired" => TestTokens.Create(_key, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not yet valid" => TestTokens.Create(_key, notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "bad signature" => TestTokens.WithForeignSignature(_key),
            "alg none" => TestTokens.CreateUnsigned(_key.Kid),
            "hs256" => TestTokens.CreateHmac(_key.Kid),
            "garbage" => "not-a-jwt",
            _ => TestTokens.Create(_key, issuer: $"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0"),
        };

        var result = await Authenticate(auth, token);

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.StatusCode);
        Assert.False(trust.IsTrusted(TestTokens.ServiceUrl));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task A_missing_bearer_token_is_refused_with_401(string? header)
    {
        var (auth, _) = Create();
        var result = await auth.AuthenticateAsync(header, Channel, TestTokens.ServiceUrl, TestContext.Current.CancellationToken);
        Assert.Equal(BotAuthFailure.MissingToken, result.Failure);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_refused_with_403()
    {
        var (auth, trust) = Create();
        var result = await auth.AuthenticateAsync($"Bearer {TestTokens.Create(_key)}", "slack", TestTokens.ServiceUrl, TestContext.Current.CancellationToken);
        Assert.Equal(BotAuthFailure.EndorsementMissing, result.Failure);
        Assert.Equal(403, result.StatusCode);
        Assert.False(trust.IsTrusted(TestTokens.ServiceUrl));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData(null)]
    public async Task A_serviceurl_claim_that_differs_from_the_activity_is_refused_with_403(string? claimed)
    {
        var (auth, trust) = Create();
        var result = await Authenticate(auth, TestTokens.Create(_key, serviceUrl: claimed));
        Assert.Equal(BotAuthFailure.ServiceUrlMismatch, result.Failure);
        Assert.Equal(403, result.StatusCode);
        Assert.False(trust.IsTrusted(TestTokens.ServiceUrl));
    }

    [Fact]
    public async Task An_unknown_key_id_is_refused_then_accepted_once_the_metadata_publishes_it()
    {
        var (auth, _) = Create();
        using var rotated = _key.WithKid("key-2");
        Assert.True((await Authenticate(auth, TestTokens.Create(_key))).Succeeded);
        var before = _provider.MetadataRequests;

        var unknown = await Authenticate(auth, TestTokens.Create(rotated));
        Assert.Equal(BotAuthFailure.UnknownSigningKey, unknown.Failure);
        Assert.Equal(401, unknown.StatusCode);

        _provider.AddBotFrameworkKey(rotated, "msteams");
        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken); // the minimum gap between forced refreshes
        var accepted = await Authenticate(auth, TestTokens.Create(rotated));

        Assert.True(accepted.Succeeded, accepted.Detail);
        Assert.Equal(before + 2, _provider.MetadataRequests);
    }

    [Fact]
    public async Task A_flood_of_unknown_key_ids_causes_at_most_one_refresh()
    {
        var (auth, _) = Create(TimeSpan.FromMinutes(5));
        Assert.True((await Authenticate(auth, TestTokens.Create(_key))).Succeeded);
        var before = _provider.MetadataRequests;

        var forged = Enumerable.Range(0, 20).Select(i => _key.WithKid($"forged-{i}")).ToList();
        var results = await Task.WhenAll(forged.Select(k => Authenticate(auth, TestTokens.Create(k))));
        forged.ForEach(k => k.Dispose());

        Assert.All(results, r => Assert.Equal(BotAuthFailure.UnknownSigningKey, r.Failure));
        Assert.InRange(_provider.MetadataRequests - before, 0, 1);
    }

    [Fact]
    public async Task A_single_tenant_bot_accepts_its_tenants_entra_issuers_with_the_entra_keys()
    {
        using var entraKey = _key.WithKid("entra-1");
        _provider.AddEntraKey(entraKey);
        var (auth, trust) = Create(tenant: true);

        var v2 = await Authenticate(auth, TestTokens.Create(entraKey, issuer: $"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0"));
        var v1 = await Authenticate(auth, TestTokens.Create(entraKey, issuer: $"https://sts.windows.net/{TestTokens.TenantId}/", serviceUrl: null));
        var otherTenant = await Authenticate(auth, TestTokens.Create(entraKey, issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000001/"));

        Assert.True(v2.Succeeded, v2.Detail);
        Assert.True(v1.Succeeded, v1.Detail);
        Assert.Equal(401, otherTenant.StatusCode);
        Assert.True(trust.IsTrusted(TestTokens.ServiceUrl));
    }

    [Fact]
    public async Task Unreachable_metadata_is_refused_with_401_not_an_exception()
    {
        var options = Options.Create(new TeamsOptions { AppId = TestTokens.AppId, AppPassword = "secret" });
        var source = new OpenIdKeySource("http://127.0.0.1:9/.well-known/openidconfiguration", new HttpClient(), TimeProvider.System);
        var auth = new BotAuthenticator(options, new BotSigningKeys(source, null), new ServiceUrlTrust(options, TimeProvider.System), NullLogger<BotAuthenticator>.Instance);

        var result = await Authenticate(auth, TestTokens.Create(_key));

        Assert.Equal(BotAuthFailure.KeysUnavailable, result.Failure);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Anonymous_mode_trusts_only_loopback_service_urls_and_authenticated_mode_none_without_a_token()
    {
        const string playground = "http://localhost:56150/_connector";
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new TeamsOptions { AllowAnonymous = true });
        var trust = new ServiceUrlTrust(options, TimeProvider.System);
        var keys = new BotSigningKeys(new OpenIdKeySource(_provider.BotFrameworkMetadataUrl, new HttpClient(), TimeProvider.System), null);
        var anonymous = new BotAuthenticator(options, keys, trust, NullLogger<BotAuthenticator>.Instance);

        foreach (var url in new[] { "https://connector.evil.example/amer/", "https://smba.trafficmanager.net.evil.example/", "http://10.0.0.5:56150/_connector" })
        {
            Assert.True((await anonymous.AuthenticateAsync(null, Channel, url, ct)).Succeeded);
            Assert.False(trust.IsTrusted(url), url);
        }
        Assert.True((await anonymous.AuthenticateAsync(null, Channel, playground, ct)).Succeeded);
        Assert.True(trust.IsTrusted(playground));

        // With authentication on, an unauthenticated activity vouches for nothing, loopback included.
        var (auth, authTrust) = Create();
        Assert.Equal(401, (await auth.AuthenticateAsync(null, Channel, playground, ct)).StatusCode);
        Assert.False(authTrust.IsTrusted(playground));
    }

    private static Task<BotAuthResult> Authenticate(BotAuthenticator auth, string token) =>
        auth.AuthenticateAsync($"Bearer {token}", Channel, TestTokens.ServiceUrl, TestContext.Current.CancellationToken);

    private (BotAuthenticator Auth, ServiceUrlTrust Trust) Create(TimeSpan? refreshGap = null, bool tenant = false)
    {
        var options = Options.Create(new TeamsOptions
        {
            AppId = TestTokens.AppId,
            AppPassword = "secret",
            TenantId = tenant ? TestTokens.TenantId : null,
            OpenIdMetadataUrl = _provider.BotFrameworkMetadataUrl,
            // An allow-list that does not cover the test service URL, so trust can only come from validation.
            TrustedServiceUrls = ["https://connector.example/"],
        });
        var settings = new KeyCacheSettings { MinimumRefreshGap = refreshGap ?? TimeSpan.FromSeconds(1) };
        var http = new HttpClient();
        var keys = new BotSigningKeys(
            new OpenIdKeySource(_provider.BotFrameworkMetadataUrl, http, TimeProvider.System, settings),
            tenant ? new OpenIdKeySource(_provider.EntraMetadataUrl, http, TimeProvider.System, settings) : null);
        var trust = new ServiceUrlTrust(options, TimeProvider.System);
        return (new BotAuthenticator(options, keys, trust, NullLogger<BotAuthenticator>.Instance), trust);
    }
}

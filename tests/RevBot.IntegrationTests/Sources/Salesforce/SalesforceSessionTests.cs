using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Sources.Salesforce;
using RevBot.Sources.Sync;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// Signing in to the fake org: a JWT bearer assertion the fake verifies with the test's public key (and refuses when
/// signed by another key), client credentials, a session renewed before its lifetime ends (on the test clock) and
/// once when Salesforce says it is invalid, and no token in any log line.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class SalesforceSessionTests
{
    [Fact]
    public async Task The_session_is_renewed_before_it_ends_and_once_when_salesforce_ends_it_early()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var h = await SalesforceHarness.StartAsync(clock: clock, seed: f => FakeSalesforceData.Generate(f.Store, 30, SalesforceSyncTests.Today));

        await h.ReadAllAsync();
        Assert.Equal(1, h.Fake.TokensIssued);
        var assertion = h.Fake.Requests.Single(r => r.Path == "/services/oauth2/token");
        Assert.Contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", assertion.Body, StringComparison.Ordinal);

        // Within the two-hour session less the ten minutes of margin: the same token.
        clock.Advance(TimeSpan.FromMinutes(100));
        await h.ReadAllAsync();
        Assert.Equal(1, h.Fake.TokensIssued);

        // Past it: a new token before any call, so Salesforce never answered 401.
        clock.Advance(TimeSpan.FromMinutes(11));
        await h.ReadAllAsync();
        Assert.Equal(2, h.Fake.TokensIssued);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Path.StartsWith("/services/data/", StringComparison.Ordinal) && r.Authorization.EndsWith(FirstToken(h), StringComparison.Ordinal) && r.At > clock.GetUtcNow().AddMinutes(-1));

        // An admin revokes the session: one 401, one new sign-in, the call made again, the read complete.
        h.Fake.ExpireSessions();
        var batches = await h.ReadAllAsync();
        Assert.Equal(3, h.Fake.TokensIssued);
        Assert.Equal(30, batches.Where(b => b.Object == "Opportunity").Sum(b => b.Read));
    }

    [Fact]
    public async Task An_assertion_signed_with_another_key_is_refused_with_salesforces_reason_and_nothing_is_read()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        await using var h = await SalesforceHarness.StartAsync(seed: f => FakeSalesforceData.Generate(f.Store, 10, SalesforceSyncTests.Today),
            settings: f => new Dictionary<string, string?>(SalesforceHarness.Jwt(f)) { ["Sources:Salesforce:PrivateKey"] = other.ExportPkcs8PrivateKeyPem() });

        var e = await Assert.ThrowsAsync<SyncFailedException>(() => h.ReadAllAsync());

        Assert.StartsWith("Salesforce refused RevBot's sign-in (400 invalid_grant: invalid assertion", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Path.StartsWith("/services/data/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_credentials_sign_in_at_the_my_domain_url_and_no_token_or_secret_reaches_a_log()
    {
        await using var h = await SalesforceHarness.StartAsync(seed: f => FakeSalesforceData.Generate(f.Store, 20, SalesforceSyncTests.Today),
            settings: f => new Dictionary<string, string?>
            {
                ["Sources:Salesforce:InstanceUrl"] = f.BaseUrl,
                ["Sources:Salesforce:ClientId"] = FakeSalesforce.ClientId,
                ["Sources:Salesforce:ClientSecret"] = FakeSalesforce.ClientSecret,
            });

        var batches = await h.ReadAllAsync();

        Assert.Equal(20, batches.Where(b => b.Object == "Opportunity").Sum(b => b.Read));
        Assert.Contains("grant_type=client_credentials", h.Fake.Requests.Single(r => r.Path == "/services/oauth2/token").Body, StringComparison.Ordinal);
        var token = FirstToken(h);
        Assert.NotEmpty(h.Logs.Entries);
        Assert.DoesNotContain(h.Logs.Entries, e => e.Contains(token, StringComparison.Ordinal) || e.Contains(FakeSalesforce.ClientSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(token, (await h.Services.GetRequiredService<SalesforceTokens>().GetAsync(TestContext.Current.CancellationToken)).ToString(), StringComparison.Ordinal);
    }

    private static string FirstToken(SalesforceHarness h) =>
        h.Fake.Requests.First(r => r.Path.StartsWith("/services/data/", StringComparison.Ordinal)).Authorization["Bearer ".Length..];
}

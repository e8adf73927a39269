using RevBot.Sources.Sync;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Section <c>Sources:Stripe</c>: a restricted key that can only read, the webhook endpoint's signing secret, where the
/// API is (a test points it at a fake), and how a Stripe customer is mapped to a RevBot account (docs/sources.md,
/// "Stripe": the explicit map first, then the customer's metadata, then its email's domain).
/// </summary>
public sealed class StripeOptions : SourceOptions
{
    public const string SectionName = Parent + ":Stripe";

    public const string DefaultBaseUrl = "https://api.stripe.com";

    /// <summary>A restricted key (rk_…) with read access to customers, subscriptions, prices, products, coupons and events.</summary>
    public string? ApiKey { get; set; }

    public string? ApiKeyFile { get; set; }

    /// <summary>The webhook endpoint's signing secret (whsec_…); unset, the webhook endpoint refuses every request.</summary>
    public string? WebhookSecret { get; set; }

    public string? WebhookSecretFile { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The customer metadata key whose value is the RevBot account id (e.g. "revbot_account_id"); unset, not used.</summary>
    public string? MetadataKey { get; set; }

    /// <summary>Map by the domain of the customer's email when exactly one account has that domain (default true).</summary>
    public bool MatchEmailDomain { get; set; } = true;

    /// <summary>Stripe customer id → RevBot account id; wins over the metadata and the email domain.</summary>
    public Dictionary<string, string> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A CSV file with the columns <c>customer_id,account_id</c>, merged into <see cref="Accounts"/> (settings win).</summary>
    public string? AccountsFile { get; set; }

    protected override string Section => SectionName;

    public string? ReadApiKey() => SecretSetting.Read(ApiKey, ApiKeyFile);

    public string? ReadWebhookSecret() => SecretSetting.Read(WebhookSecret, WebhookSecretFile);

    protected override IEnumerable<string> SystemProblems()
    {
        if (SecretSetting.Problem(SectionName, nameof(ApiKey), ApiKey, ApiKeyFile, required: true) is { } key) yield return key;
        if (SecretSetting.Problem(SectionName, nameof(WebhookSecret), WebhookSecret, WebhookSecretFile, required: false) is { } secret) yield return secret;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback))
            yield return $"{SectionName}:BaseUrl must be an absolute https URL (got '{BaseUrl}').";
        if (!string.IsNullOrWhiteSpace(AccountsFile) && !File.Exists(AccountsFile))
            yield return $"{SectionName}:AccountsFile names {AccountsFile}, which does not exist.";
        if (ApiKey is { Length: > 0 } k && k.StartsWith("sk_live_", StringComparison.Ordinal))
            yield return $"{SectionName}:ApiKey is a secret key with full access; give RevBot a restricted key (rk_…) that can only read (docs/sources.md).";
    }
}

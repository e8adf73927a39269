using RevBot.Sources.Sync;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// <c>Sources:Hubspot</c>: the private app's access token (or a mounted file holding it), the app's client secret for
/// webhook signatures, the API's base URL (a setting so tests and the benchmark can point it at a fake) and an
/// optional pipeline filter. Secrets are read when used (<see cref="SecretSetting"/>), never logged.
/// </summary>
public sealed class HubspotOptions : SourceOptions
{
    public const string SectionName = Parent + ":Hubspot";

    public const string DefaultBaseUrl = "https://api.hubapi.com/";

    public string? AccessToken { get; set; }

    public string? AccessTokenFile { get; set; }

    /// <summary>The app's client secret: webhooks are refused (401) while it is unset.</summary>
    public string? ClientSecret { get; set; }

    public string? ClientSecretFile { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// The public URL HubSpot posts webhooks to, exactly as set in the app (it is part of the signed text). Empty: the
    /// URL the request arrived at, which is only right when no proxy rewrites the scheme, host or path.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Pipeline ids to sync; empty syncs every deal pipeline. A deal in another pipeline is skipped and listed.</summary>
    public List<string> Pipelines { get; set; } = [];

    /// <summary>Records per search page (HubSpot allows at most 200).</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Records imported per batch (one transaction, one cursor step): search pages are joined up to it.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How far one search query may page (HubSpot's window is 10,000); reads past it are cut into time slices.</summary>
    public int SearchWindow { get; set; } = 10_000;

    /// <summary>
    /// A custom deal property holding the discount in percent ("discount_percent", a number property: 12.5 is 12.5%),
    /// read as discount and written back when a change in chat sets it; none by default (HubSpot has no standard one).
    /// </summary>
    public string? DiscountProperty { get; set; }

    protected override string Section => SectionName;

    internal string? Token() => SecretSetting.Read(AccessToken, AccessTokenFile);

    /// <summary>The client secret that signs webhooks, read now (a rotated file is picked up); null when unset.</summary>
    public string? WebhookSecret() => SecretSetting.Read(ClientSecret, ClientSecretFile);

    internal Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    protected override IEnumerable<string> SystemProblems()
    {
        if (SecretSetting.Problem(Section, nameof(AccessToken), AccessToken, AccessTokenFile, required: true) is { } token) yield return token;
        if (SecretSetting.Problem(Section, nameof(ClientSecret), ClientSecret, ClientSecretFile, required: false) is { } secret) yield return secret;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            yield return $"{Section}:BaseUrl must be an absolute http(s) URL (it is '{BaseUrl}').";
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && !Uri.TryCreate(WebhookUrl, UriKind.Absolute, out _))
            yield return $"{Section}:WebhookUrl must be an absolute URL (it is '{WebhookUrl}').";
        if (PageSize is < 1 or > 200) yield return $"{Section}:PageSize must be between 1 and 200 (it is {PageSize}).";
        if (BatchSize is < 1 or > 10_000) yield return $"{Section}:BatchSize must be between 1 and 10000 (it is {BatchSize}).";
        if (SearchWindow < 2 * PageSize || SearchWindow > 10_000)
            yield return $"{Section}:SearchWindow must be between twice PageSize and 10000 (it is {SearchWindow}).";
        if (DiscountProperty is not null && (!System.Text.RegularExpressions.Regex.IsMatch(DiscountProperty, "^[a-z][a-z0-9_]{0,99}$") || HubspotRecords.DealProperties.Contains(DiscountProperty)))
            yield return $"{Section}:DiscountProperty must be the internal name of a custom deal property such as discount_percent (it is '{DiscountProperty}').";
        if (Pipelines.Any(string.IsNullOrWhiteSpace)) yield return $"{Section}:Pipelines must not hold an empty pipeline id.";
    }
}

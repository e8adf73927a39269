using System.Text.RegularExpressions;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// <c>Sources:Salesforce</c>: the org, the connected app and how RevBot signs in to it. With <see cref="Username"/> and a
/// private key RevBot uses the OAuth 2.0 JWT bearer flow (no secret ever leaves the host); with a client secret, the
/// client-credentials flow against the org's My Domain (<see cref="InstanceUrl"/>), as its configured run-as user.
/// </summary>
public sealed partial class SalesforceOptions : SourceOptions
{
    public const string SectionName = Parent + ":Salesforce";

    /// <summary>Where tokens are asked for and the JWT's audience: production, or https://test.salesforce.com for a sandbox.</summary>
    public string LoginUrl { get; set; } = "https://login.salesforce.com";

    /// <summary>The org's My Domain URL; required for client credentials (its token endpoint), otherwise taken from the token answer.</summary>
    public string? InstanceUrl { get; set; }

    /// <summary>The connected app's consumer key (the JWT's issuer).</summary>
    public string? ClientId { get; set; }

    /// <summary>JWT bearer: the integration user's username (the JWT's subject).</summary>
    public string? Username { get; set; }

    /// <summary>JWT bearer: the PEM private key whose certificate is uploaded to the connected app.</summary>
    public string? PrivateKey { get; set; }

    public string? PrivateKeyFile { get; set; }

    /// <summary>Client credentials: the connected app's consumer secret.</summary>
    public string? ClientSecret { get; set; }

    public string? ClientSecretFile { get; set; }

    /// <summary>The REST API version RevBot speaks ("v62.0").</summary>
    public string ApiVersion { get; set; } = "v62.0";

    /// <summary>The org's session timeout: Salesforce's token answer has no expiry, so the token is renewed before this has passed.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Records per query page (Sforce-Query-Options batchSize, 200-2000).</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>
    /// The share of the org's daily API requests at which the sync stops until the next run (0.8: at 80%), so the org's
    /// other integrations keep the rest. Write-back, a few calls a user asked for, is not held back.
    /// </summary>
    public double StopAtApiUsage { get; set; } = 0.8;

    /// <summary>A custom Opportunity field holding the loss reason ("Loss_Reason__c"), read and written as loss_reason; none by default.</summary>
    public string? LossReasonField { get; set; }

    /// <summary>
    /// A custom Opportunity field holding the discount in percent ("Discount__c", a Percent or Number field: 12.5 is 12.5%),
    /// read and written as discount; none by default.
    /// </summary>
    public string? DiscountField { get; set; }

    /// <summary>True when the JWT bearer flow is configured (a username); otherwise client credentials.</summary>
    public bool UsesJwt => !string.IsNullOrWhiteSpace(Username);

    protected override string Section => SectionName;

    protected override IEnumerable<string> SystemProblems()
    {
        if (Url(LoginUrl) is null) yield return $"{Section}:LoginUrl must be an https URL (it is '{LoginUrl}').";
        if (InstanceUrl is not null && Url(InstanceUrl) is null) yield return $"{Section}:InstanceUrl must be an https URL (it is '{InstanceUrl}').";
        if (string.IsNullOrWhiteSpace(ClientId)) yield return $"{Section}:ClientId (the connected app's consumer key) is required when {Section}:Enabled is true.";
        if (UsesJwt)
        {
            if (SecretSetting.Problem(Section, nameof(PrivateKey), PrivateKey, PrivateKeyFile, required: true) is { } key) yield return key;
        }
        else if (SecretSetting.Problem(Section, nameof(ClientSecret), ClientSecret, ClientSecretFile, required: false) is { } secret) yield return secret;
        else if (string.IsNullOrWhiteSpace(ClientSecret) && string.IsNullOrWhiteSpace(ClientSecretFile))
            yield return $"{Section} needs Username and PrivateKey (JWT bearer flow) or ClientSecret (client-credentials flow).";
        else if (string.IsNullOrWhiteSpace(InstanceUrl)) yield return $"{Section}:InstanceUrl (the org's My Domain URL) is required for the client-credentials flow.";
        if (!ApiVersionPattern().IsMatch(ApiVersion)) yield return $"{Section}:ApiVersion must look like v62.0 (it is '{ApiVersion}').";
        if (SessionLifetime < TimeSpan.FromMinutes(15)) yield return $"{Section}:SessionLifetime must be at least 15 minutes (it is {SessionLifetime}).";
        if (PageSize is < 200 or > 2000) yield return $"{Section}:PageSize must be between 200 and 2000 (it is {PageSize}).";
        if (StopAtApiUsage is <= 0 or > 1) yield return $"{Section}:StopAtApiUsage must be above 0 and at most 1 (it is {StopAtApiUsage}).";
        if (LossReasonField is not null && !FieldPattern().IsMatch(LossReasonField)) yield return $"{Section}:LossReasonField must be a field's API name such as Loss_Reason__c (it is '{LossReasonField}').";
        if (DiscountField is not null && !FieldPattern().IsMatch(DiscountField)) yield return $"{Section}:DiscountField must be a field's API name such as Discount__c (it is '{DiscountField}').";
        if (DiscountField is not null && string.Equals(DiscountField, LossReasonField, StringComparison.OrdinalIgnoreCase)) yield return $"{Section}:DiscountField and LossReasonField must be two fields (both are '{DiscountField}').";
    }

    /// <summary>An https URL, or http on the loopback (a local fake in tests); null otherwise.</summary>
    internal static Uri? Url(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) ? uri : null;

    [GeneratedRegex(@"^v\d{2,3}\.0$")]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,79}$")]
    private static partial Regex FieldPattern();
}

using RevBot.Core.Settings;

namespace RevBot.Teams;

/// <summary>Checks <see cref="TeamsOptions"/> at start: one sentence per problem, naming the setting, never echoing a secret.</summary>
public sealed partial class TeamsOptions : ICheckedOptions
{
    public IEnumerable<string> Problems()
    {
        var o = this;
        var hasId = !string.IsNullOrWhiteSpace(o.AppId);
        var hasPassword = !string.IsNullOrWhiteSpace(o.AppPassword);
        if (o.AllowAnonymous && hasPassword)
            yield return "Teams:AllowAnonymous is for local development only and cannot be combined with Teams:AppPassword; remove one of them.";
        if (hasId && !Guid.TryParse(o.AppId, out _))
            yield return $"Teams:AppId must be the bot's Microsoft App ID, a GUID (got '{o.AppId}').";
        if (hasId && !hasPassword && !o.AllowAnonymous)
            yield return "Teams:AppPassword is required when Teams:AppId is set (the client secret of the bot's app registration).";
        if (hasPassword && !hasId)
            yield return "Teams:AppId is required when Teams:AppPassword is set.";
        if (!string.IsNullOrWhiteSpace(o.TenantId) && !Guid.TryParse(o.TenantId, out _))
            yield return $"Teams:TenantId must be the Entra tenant id, a GUID (got '{o.TenantId}').";
        if (!ServiceUrls.IsAcceptableEndpoint(o.OpenIdMetadataUrl))
            yield return $"Teams:OpenIdMetadataUrl must be an absolute https URL (http only on loopback) (got '{o.OpenIdMetadataUrl}').";
        if (o.EntraOpenIdMetadataUrl is not null && !ServiceUrls.IsAcceptableEndpoint(o.EntraOpenIdMetadataUrl))
            yield return $"Teams:EntraOpenIdMetadataUrl must be an absolute https URL (http only on loopback) (got '{o.EntraOpenIdMetadataUrl}').";
        if (!ServiceUrls.IsAcceptableEndpoint(o.TokenEndpointBaseUrl))
            yield return $"Teams:TokenEndpointBaseUrl must be an absolute https URL (http only on loopback) (got '{o.TokenEndpointBaseUrl}').";
        if (!string.IsNullOrWhiteSpace(o.PublicBaseUrl) && !ServiceUrls.IsAcceptableEndpoint(o.PublicBaseUrl))
            yield return $"Teams:PublicBaseUrl must be the absolute https URL Teams reaches this host at, without query or credentials (http only on loopback) (got '{o.PublicBaseUrl}').";
        foreach (var url in o.TrustedServiceUrls ?? [])
        {
            if (!ServiceUrls.IsAcceptableEndpoint(url))
                yield return $"Teams:TrustedServiceUrls entry '{url}' must be an absolute https URL without query or credentials (http only on loopback).";
        }
    }
}

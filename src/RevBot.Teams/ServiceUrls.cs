namespace RevBot.Teams;

/// <summary>Parsing and matching of the connector URLs the bot token may travel to.</summary>
internal static class ServiceUrls
{
    /// <summary>https, or http on a loopback host (tests, Agents Playground); no credentials, query or fragment.</summary>
    public static bool IsAcceptableEndpoint(string? value) => TryParse(value, out _);

    public static bool TryParse(string? value, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed)) return false;
        var schemeOk = parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback);
        if (!schemeOk || parsed.UserInfo.Length > 0 || parsed.Query.Length > 0 || parsed.Fragment.Length > 0) return false;
        uri = parsed;
        return true;
    }

    /// <summary>The base every connector path is appended to: no trailing slash.</summary>
    public static string Normalize(Uri uri) => uri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Same scheme, host and port, and the candidate's path starts at a segment boundary of the allowed path.</summary>
    public static bool IsUnder(Uri candidate, Uri allowed)
    {
        if (!string.Equals(candidate.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(candidate.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
            || candidate.Port != allowed.Port) return false;
        var prefix = allowed.AbsolutePath.TrimEnd('/') + "/";
        var path = candidate.AbsolutePath.TrimEnd('/') + "/";
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }
}

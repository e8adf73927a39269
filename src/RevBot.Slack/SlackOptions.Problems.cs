using RevBot.Core.Settings;

namespace RevBot.Slack;

/// <summary>
/// Checks <see cref="SlackOptions"/> at start: each problem is one sentence naming the setting. Token values are never
/// echoed, only what is wrong with them.
/// </summary>
public sealed partial class SlackOptions : ICheckedOptions
{
    public IEnumerable<string> Problems()
    {
        var o = this;
        if (!SlackOptions.TryParseMode(o.Mode, out var mode))
            yield return $"Slack:Mode must be Http or SocketMode (got '{o.Mode}').";
        if (Present(o.BotToken) && !o.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
            yield return "Slack:BotToken must be the bot user OAuth token, which starts with xoxb-.";
        if (Present(o.AppToken) && !o.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
            yield return "Slack:AppToken must be an app-level token, which starts with xapp-.";
        if (mode == SlackMode.SocketMode && !Present(o.AppToken))
            yield return "Slack:Mode is SocketMode, which needs Slack:AppToken (an xapp- token with connections:write).";
        if ((mode == SlackMode.SocketMode || Present(o.SigningSecret)) && !Present(o.BotToken))
            yield return "Slack is configured without Slack:BotToken (xoxb-…), so the bot could not answer.";
        if (UrlProblem(o.ApiBaseUrl) is { } urlProblem)
            yield return $"Slack:ApiBaseUrl {urlProblem} (got '{o.ApiBaseUrl}').";
    }

    /// <summary>Tokens are sent to this URL, so plain http is allowed only to this machine (the tests' fake Slack).</summary>
    internal static string? UrlProblem(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "must be an absolute https URL such as https://slack.com/api/";
        if (uri.Scheme == "http" && !uri.IsLoopback)
            return "must use https (plain http is allowed only for localhost)";
        return null;
    }

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);
}

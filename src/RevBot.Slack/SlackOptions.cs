namespace RevBot.Slack;

/// <summary>
/// Section <c>Slack</c>. With no <see cref="SigningSecret"/> the HTTP endpoints are not mapped (fails closed); with no
/// <see cref="BotToken"/> Slack is off. <see cref="ToString"/> never shows a secret, so logging the options is safe.
/// </summary>
public sealed partial class SlackOptions
{
    public const string Section = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Verifies that HTTP requests come from Slack (Basic Information → App Credentials).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot user OAuth token, <c>xoxb-…</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>An app-level token with <c>connections:write</c>, <c>xapp-…</c>; needed only for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary><c>Http</c> or <c>SocketMode</c>. A string, so a typo is reported in a sentence rather than a binder exception.</summary>
    public string Mode { get; set; } = nameof(SlackMode.Http);

    /// <summary>Where the Web API lives; tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public SlackMode ParsedMode => TryParseMode(Mode, out var mode) ? mode : SlackMode.Http;

    /// <summary>The HTTP endpoints are served only in HTTP mode and only when requests can be verified.</summary>
    public bool ServesHttpEndpoints => ParsedMode == SlackMode.Http && !string.IsNullOrEmpty(SigningSecret);

    public bool RunsSocketMode => ParsedMode == SlackMode.SocketMode && !string.IsNullOrEmpty(AppToken);

    /// <summary><see cref="ApiBaseUrl"/> with the trailing slash that relative method names need.</summary>
    public Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);

    public override string ToString() =>
        $"Slack {{ Mode = {Mode}, ApiBaseUrl = {ApiBaseUrl}, SigningSecret = {Shown(SigningSecret)}, BotToken = {Shown(BotToken)}, AppToken = {Shown(AppToken)} }}";

    /// <summary>Exact names only: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would also take "1" or "Http,SocketMode".</summary>
    public static bool TryParseMode(string? text, out SlackMode mode)
    {
        var name = Enum.GetNames<SlackMode>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        mode = name is null ? SlackMode.Http : Enum.Parse<SlackMode>(name);
        return name is not null;
    }

    private static string Shown(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}

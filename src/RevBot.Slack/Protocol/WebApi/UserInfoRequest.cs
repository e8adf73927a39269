namespace RevBot.Slack.Protocol.WebApi;

/// <summary>users.info; <see cref="IncludeLocale"/> true also returns the user's <c>locale</c> ("es-ES").</summary>
public sealed record UserInfoRequest(string User)
{
    public bool? IncludeLocale { get; init; }
}

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// Why a Web API call failed: Slack's <c>error</c> code (see <see cref="SlackErrorCodes"/>), the method, and what Slack
/// added: the HTTP status, <c>Retry-After</c> for rate limits, the scope <c>needed</c>, <c>response_metadata.messages</c>.
/// </summary>
public sealed record SlackApiError(string Method, string Code)
{
    public int? HttpStatus { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public string? Needed { get; init; }
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The token is no longer good: retrying cannot help, an operator must reinstall or rotate it.</summary>
    public bool IsAuthProblem => Code is SlackErrorCodes.InvalidAuth or SlackErrorCodes.NotAuthed or SlackErrorCodes.AccountInactive or SlackErrorCodes.TokenRevoked;

    public override string ToString() => HttpStatus is { } status ? $"{Method}: {Code} (HTTP {status})" : $"{Method}: {Code}";
}

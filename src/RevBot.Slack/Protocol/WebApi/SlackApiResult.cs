using System.Diagnostics.CodeAnalysis;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>The outcome of a Web API call: Slack's typed answer, or a <see cref="SlackApiError"/>. Never throws for Slack's errors.</summary>
public sealed record SlackApiResult<T> where T : class
{
    private SlackApiResult(T? value, SlackApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public SlackApiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Error is null;

    public static SlackApiResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static SlackApiResult<T> Failure(SlackApiError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}

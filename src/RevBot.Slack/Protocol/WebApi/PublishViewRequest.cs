
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>views.publish: sets a user's App Home tab.</summary>
public sealed record PublishViewRequest(string UserId, View View)
{
    public string? Hash { get; init; }
}

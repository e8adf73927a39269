
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>views.update: replaces an open view, named by <see cref="ViewId"/> or <see cref="ExternalId"/>.</summary>
public sealed record UpdateViewRequest(View View)
{
    public string? ViewId { get; init; }
    public string? ExternalId { get; init; }

    /// <summary>The hash from the last view payload: Slack refuses the update if the view changed since (race protection).</summary>
    public string? Hash { get; init; }
}

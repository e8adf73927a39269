namespace RevBot.Slack.Protocol.WebApi;

/// <summary>The parts of a returned view that later calls need.</summary>
public sealed record SlackViewInfo(string Id)
{
    public string? Hash { get; init; }
    public string? CallbackId { get; init; }
    public string? ExternalId { get; init; }
    public string? PrivateMetadata { get; init; }
}

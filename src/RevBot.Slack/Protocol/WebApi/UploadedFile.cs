namespace RevBot.Slack.Protocol.WebApi;

public sealed record UploadedFile(string Id)
{
    public string? Title { get; init; }
}

namespace RevBot.Slack.WebApi;

public sealed record UploadedFile(string Id)
{
    public string? Title { get; init; }
}

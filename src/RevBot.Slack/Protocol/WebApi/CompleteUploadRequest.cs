namespace RevBot.Slack.Protocol.WebApi;

/// <summary>files.completeUploadExternal, step 3: shares the uploaded files in <see cref="ChannelId"/> (private when absent).</summary>
public sealed record CompleteUploadRequest(IReadOnlyList<UploadedFile> Files)
{
    public string? ChannelId { get; init; }
    public string? ThreadTs { get; init; }
    public string? InitialComment { get; init; }
}

namespace RevBot.Slack.Protocol.WebApi;

public sealed record CompleteUploadResponse(IReadOnlyList<UploadedFile> Files);

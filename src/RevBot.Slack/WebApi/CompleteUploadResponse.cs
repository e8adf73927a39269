namespace RevBot.Slack.WebApi;

public sealed record CompleteUploadResponse(IReadOnlyList<UploadedFile> Files);

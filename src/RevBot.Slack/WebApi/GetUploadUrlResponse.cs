namespace RevBot.Slack.WebApi;

public sealed record GetUploadUrlResponse(string UploadUrl, string FileId);

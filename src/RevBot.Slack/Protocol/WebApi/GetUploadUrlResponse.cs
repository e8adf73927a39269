namespace RevBot.Slack.Protocol.WebApi;

public sealed record GetUploadUrlResponse(string UploadUrl, string FileId);

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>files.getUploadURLExternal, step 1 of an upload. Slack spells the alt text argument <c>alt_txt</c>.</summary>
public sealed record GetUploadUrlRequest(string Filename, long Length)
{
    public string? AltTxt { get; init; }
    public string? SnippetType { get; init; }
}

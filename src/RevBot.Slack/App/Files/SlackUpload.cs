namespace RevBot.Slack.App.Files;

/// <summary>One file to share: its name, the title Slack shows, the alt text screen readers read, and its bytes.</summary>
public sealed record SlackUpload(string FileName, string Title, string AltText, ReadOnlyMemory<byte> Bytes);

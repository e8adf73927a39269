namespace RevBot.Core.Replies;

/// <summary>
/// An image of a reply, named by file (<see cref="FileName"/>, unique within the reply). The reply carries no bytes:
/// whoever sends it holds them (a digest's rendered charts) and uploads or serves them as the platform needs.
/// </summary>
public sealed record ReplyImage(string FileName, string Title, string AltText, int Width, int Height);

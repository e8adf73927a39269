namespace RevBot.Core.Replies;

/// <summary>
/// An image of a reply, named by file (<see cref="FileName"/>, unique within the reply). The reply carries no bytes:
/// whoever sends it holds them (a digest's rendered charts) and uploads or serves them as the platform needs.
/// </summary>
public sealed record ReplyImage(string FileName, string Title, string AltText, int Width, int Height)
{
    /// <summary>
    /// The token of the stored bytes (<c>reply_images</c>, <see cref="Images.ReplyImageStore"/>) when the reply was
    /// stored to be sent later (a scheduled digest): the Slack sender uploads those bytes, the Teams card points at
    /// <c>{public base URL}/images/{token}.png</c>. Null for an image the sender renders itself.
    /// </summary>
    public string? Token { get; init; }
}

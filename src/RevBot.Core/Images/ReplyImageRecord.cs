namespace RevBot.Core.Images;

/// <summary>
/// The bytes of an image a reply shows (<c>reply_images</c>): a digest chart, found by an unguessable token that the
/// stored reply carries. Teams loads it from the host's <c>/images/{token}.png</c>; Slack's sender uploads it.
/// </summary>
public sealed class ReplyImageRecord
{
    /// <summary>256 random bits, base64url: the only secret that protects the image.</summary>
    public required string Token { get; set; }

    public required byte[] Bytes { get; set; }

    public required string ContentType { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>After this the image is gone: the endpoint says 404 and the cleanup deletes it.</summary>
    public DateTime ExpiresAt { get; set; }
}

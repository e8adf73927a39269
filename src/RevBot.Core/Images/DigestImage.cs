namespace RevBot.Core.Images;

/// <summary>A rendered chart: PNG bytes under the chart's file name (the name its <see cref="Replies.ReplyImage"/> carries).</summary>
public sealed record DigestImage(string FileName, string Title, int Width, int Height, ReadOnlyMemory<byte> Png);

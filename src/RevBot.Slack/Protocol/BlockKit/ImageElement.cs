namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A small image, as a section accessory.</summary>
public sealed record ImageElement(string ImageUrl, string AltText) : BlockElement("image");

using System.Text.Json.Serialization;

namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>
/// A layout block. <see cref="Type"/> is a real property, not a System.Text.Json discriminator, so a block serializes
/// with its <c>type</c> whether it is declared as <see cref="Block"/> or as the concrete record (an anonymous ack payload,
/// say). The derived types are listed so that a list of <see cref="Block"/> writes each block's own fields.
/// </summary>
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(DividerBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(ImageBlock))]
[JsonDerivedType(typeof(InputBlock))]
public abstract record Block([property: JsonPropertyOrder(-1)] string Type)
{
    /// <summary>At most 255 characters; identifies the block in interaction payloads and view state.</summary>
    public string? BlockId { get; init; }
}

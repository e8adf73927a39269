using System.Text.Json.Serialization;

namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A surface: a modal or the App Home tab, up to 100 blocks.</summary>
[JsonDerivedType(typeof(ModalView))]
[JsonDerivedType(typeof(HomeView))]
public abstract record View([property: JsonPropertyOrder(-1)] string Type, IReadOnlyList<Block> Blocks)
{
    /// <summary>Names the view in view_submission payloads; at most 255 characters.</summary>
    public string? CallbackId { get; init; }

    /// <summary>State the app gets back on submission (not shown to the user); at most 3000 characters.</summary>
    public string? PrivateMetadata { get; init; }
    public string? ExternalId { get; init; }
}

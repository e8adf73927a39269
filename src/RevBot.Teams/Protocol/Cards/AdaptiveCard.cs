using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>An Adaptive Card, version 1.5 (the newest Teams renders on every client).</summary>
public sealed class AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string CurrentVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-2)]
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; } = SchemaUrl;

    [JsonPropertyOrder(-1)]
    public string? Version { get; init; } = CurrentVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }
    public CardRefresh? Refresh { get; init; }

    /// <summary>Shown by hosts that cannot render the card, and used for notifications.</summary>
    public string? FallbackText { get; init; }
    public string? Lang { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, BotJson.Options);

    /// <summary>Serialized size in UTF-8 bytes: what counts against Teams' message size limit.</summary>
    public int ByteSize() => Encoding.UTF8.GetByteCount(ToJson());

    public Attachment ToAttachment() => new() { ContentType = Attachment.AdaptiveCardContentType, Content = this };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Activities;

/// <summary>
/// The Bot Framework Activity, reduced to what RevBot reads and sends. Members RevBot does not model are kept in
/// <see cref="Properties"/> so an activity read and written back loses nothing.
/// </summary>
public sealed record BotActivity
{
    public const string TeamsChannelId = "msteams";

    public required string Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? Text { get; init; }

    /// <summary>What notifications show for a message whose content is a card.</summary>
    public string? Summary { get; init; }

    /// <summary>"plain", "markdown" or "xml".</summary>
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>Invoke payloads (adaptiveCard/action: <see cref="AdaptiveCardInvokeValue"/>) and Action.Submit data.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The invoke or event name, e.g. "adaptiveCard/action".</summary>
    public string? Name { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>installationUpdate: "add" or "remove" (also "add-upgrade", "remove-upgrade").</summary>
    public string? Action { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }

    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    public T? GetValue<T>() => Value is { } value ? value.Deserialize<T>(BotJson.Options) : default;

    /// <summary>A message to send (fill in text and/or attachments); the connector addresses it.</summary>
    public static BotActivity Message(string? text, params IReadOnlyList<Attachment> attachments) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = text is null ? null : "plain",
        Attachments = attachments.Count == 0 ? null : attachments,
    };

    /// <summary>The "RevBot is typing…" indicator; Teams shows it for a few seconds or until the next message.</summary>
    public static BotActivity Typing() => new() { Type = ActivityTypes.Typing };

    /// <summary>Addresses <paramref name="outgoing"/> as a reply to this activity (from/recipient swapped, same conversation).</summary>
    public BotActivity ReplyWith(BotActivity outgoing)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        return outgoing with
        {
            From = Recipient,
            Recipient = From,
            Conversation = Conversation,
            ReplyToId = Id,
            ServiceUrl = ServiceUrl,
            ChannelId = ChannelId,
            Locale = outgoing.Locale ?? Locale,
        };
    }
}

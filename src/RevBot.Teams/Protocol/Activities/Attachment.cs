namespace RevBot.Teams.Protocol.Activities;

/// <summary>
/// A card or file on an activity. <see cref="Content"/> is written as its runtime type (an Adaptive Card model when RevBot
/// sends one) and read back as a <see cref="System.Text.Json.JsonElement"/>.
/// </summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public required string ContentType { get; init; }
    public object? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }
}

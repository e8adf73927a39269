using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

public sealed class TableCell
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableCell";

    public required IReadOnlyList<CardElement> Items { get; init; }
    public ContainerStyle? Style { get; init; }
}

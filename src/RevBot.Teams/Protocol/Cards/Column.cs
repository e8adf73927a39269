using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

public sealed class Column
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Id { get; init; }
    public required IReadOnlyList<CardElement> Items { get; init; }
    public ColumnWidth? Width { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
    public ContainerStyle? Style { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? Separator { get; init; }
}

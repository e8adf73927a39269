using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

public sealed class TableRow
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableRow";

    public required IReadOnlyList<TableCell> Cells { get; init; }
    public ContainerStyle? Style { get; init; }
}

namespace RevBot.Teams.Protocol.Cards;

/// <summary>A grid (Adaptive Cards 1.5). Every row must have as many cells as there are <see cref="Columns"/>.</summary>
public sealed class Table : CardElement
{
    public required IReadOnlyList<TableColumnDefinition> Columns { get; init; }
    public required IReadOnlyList<TableRow> Rows { get; init; }
    public bool? FirstRowAsHeader { get; init; }
    public bool? ShowGridLines { get; init; }
    public ContainerStyle? GridStyle { get; init; }
    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

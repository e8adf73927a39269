namespace RevBot.Teams.Protocol.Cards;

/// <summary>A table column: its relative width and how its cells align (numbers right).</summary>
public sealed record TableColumnDefinition
{
    public ColumnWidth? Width { get; init; }
    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

namespace RevBot.Teams.Protocol.Cards;

public sealed class ColumnSet : CardElement
{
    public required IReadOnlyList<Column> Columns { get; init; }
    public ContainerStyle? Style { get; init; }
}

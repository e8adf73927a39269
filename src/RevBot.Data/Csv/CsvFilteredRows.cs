using Humanizer;
namespace RevBot.Data.Csv;

/// <summary>Rows of a source file that a mapping's <c>skip</c> rule left out, with the rule's reason.</summary>
public sealed record CsvFilteredRows(string File, string Reason, int Count)
{
    public override string ToString() => $"{File}: {"row".ToQuantity(Count)} skipped: {Reason}";
}

namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// A <c>skip</c> rule: rows whose <see cref="Column"/> equals one of <see cref="Values"/> (ignoring case), equals
/// another column, or is empty are left out on purpose, counted under <see cref="Reason"/>.
/// </summary>
internal sealed record RowFilter(int Column, IReadOnlySet<string>? Values, int OtherColumn, bool WhenEmpty, string Reason)
{
    public bool Matches(MappedRow row)
    {
        var cell = row[Column];
        if (WhenEmpty) return cell.Length == 0;
        if (OtherColumn >= 0) return string.Equals(cell, row[OtherColumn], StringComparison.OrdinalIgnoreCase);
        return Values!.Contains(cell);
    }
}

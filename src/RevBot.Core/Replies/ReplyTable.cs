namespace RevBot.Core.Replies;

/// <summary>
/// A small table. <see cref="TotalRows"/> may exceed <see cref="Rows"/>: renderers show what fits and say "and N more".
/// Cells are display strings; <see cref="NumericColumns"/> marks the columns to right-align.
/// </summary>
public sealed record ReplyTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRows)
{
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();
}

namespace RevBot.Core.Replies;

/// <summary>
/// A small table. <see cref="TotalRows"/> may exceed <see cref="Rows"/>: renderers show what fits and say "and N more".
/// Cells are display strings; <see cref="NumericColumns"/> marks the columns to right-align.
/// Chat cards show it through <see cref="NarrowTable"/> (at most three columns, the rest on a second line), the CLI whole.
/// </summary>
public sealed record ReplyTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRows)
{
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();

    /// <summary>
    /// The columns a phone shows as columns (at most <see cref="NarrowTable.MaxColumns"/>, by index, the name first
    /// among the text ones); every other column goes on a second line under the name. Null: every column of a table of
    /// three or fewer, else the first text column and the last numeric one.
    /// </summary>
    public IReadOnlyList<int>? NarrowColumns { get; init; }

    /// <summary>How a cell reads on that second line, by column ("closes {0}"); a text cell without one reads as it is, a number as "Header: value".</summary>
    public IReadOnlyDictionary<int, string> DetailFormats { get; init; } = new Dictionary<int, string>();
}

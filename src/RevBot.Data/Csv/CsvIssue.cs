namespace RevBot.Data.Csv;

/// <summary>One problem found in an import folder, printed as <c>file:line: column: what is wrong</c>.</summary>
public sealed record CsvIssue(string File, int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Column}: {Message}";
}

namespace RevBot.Data.Csv;

/// <summary>What an import did with one file's rows.</summary>
public sealed record CsvFileCounts(string File, int Rows, int Inserted, int Updated)
{
    public int Unchanged => Rows - Inserted - Updated;

    public override string ToString() => $"{File}: {Rows} rows, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged";
}

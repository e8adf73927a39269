using Npgsql;

namespace RevBot.Data.Demo;

/// <summary>Writes rows into an open binary COPY of one table.</summary>
internal sealed class PostgresRowWriter<T>(NpgsqlBinaryImporter importer, BulkTable<T> table) : IRowWriter<T>
{
    public long Count { get; private set; }

    public void Write(T row)
    {
        importer.StartRow();
        foreach (var column in table.Columns) column.WritePostgres(importer, row);
        Count++;
    }
}

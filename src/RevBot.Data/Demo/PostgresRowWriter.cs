namespace RevBot.Data.Demo;

/// <summary>
/// Encodes rows of one table in PostgreSQL's binary COPY format (<see cref="CopyBuffer"/>) and hands them on in
/// blocks of about <see cref="BlockSize"/> bytes: to a file that waits for its COPY (<see cref="CopySpool{T}"/>), or
/// to the connection's thread for the COPY under way. The caller writes the format's header and trailer.
/// </summary>
/// <param name="flush">Takes a block; the array is reused afterwards, so a block kept for later must be copied.</param>
internal sealed class PostgresRowWriter<T>(BulkTable<T> table, Action<byte[], int> flush) : IRowWriter<T>
{
    public const int BlockSize = 1 << 16;

    private readonly CopyBuffer _buffer = new();

    public long Count { get; private set; }

    public void Write(T row)
    {
        _buffer.StartRow(table.Columns.Count);
        foreach (var column in table.Columns) column.WriteCopy(_buffer, row);
        Count++;
        if (_buffer.Length >= BlockSize) Flush();
    }

    public void Flush()
    {
        if (_buffer.Length == 0) return;
        flush(_buffer.Bytes, _buffer.Length);
        _buffer.Clear();
    }
}

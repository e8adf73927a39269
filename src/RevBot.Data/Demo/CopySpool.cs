using Npgsql;
using RevBot.Data.Storage;

namespace RevBot.Data.Demo;

/// <summary>
/// One table's rows in a temporary file, in PostgreSQL's binary COPY format, until the connection is free to copy
/// them: COPY takes one table at a time, so the one pass over the accounts spools every table but the one being
/// copied while it runs. The file goes when the spool is disposed (or the process ends); its pages mostly stay in the
/// operating system's cache, not in this process's memory.
/// </summary>
internal sealed class CopySpool<T> : IDisposable
{
    private readonly BulkTable<T> _table;
    private readonly FileStream _file;

    public CopySpool(BulkTable<T> table)
    {
        _table = table;
        var path = Path.Combine(Path.GetTempPath(), $"revbot-seed-{table.Name}-{Guid.NewGuid():N}.copy");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _file.Write(CopyBuffer.Header);
        Writer = new PostgresRowWriter<T>(table, (bytes, count) => _file.Write(bytes, 0, count));
    }

    public PostgresRowWriter<T> Writer { get; }

    /// <summary>Copies the spooled rows into the table on <paramref name="connection"/>; returns how many.</summary>
    public async Task<long> CopyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        Writer.Flush();
        _file.Write(CopyBuffer.Trailer);
        _file.Position = 0;
        await using (var copy = await connection.BeginRawBinaryCopyAsync(PostgresDemoLoader.CopyStatement(_table), ct))
        {
            // A maintenance statement (MaintenanceStatements): no timeout while the server takes in a large table.
            copy.WriteTimeout = copy.ReadTimeout = MaintenanceStatements.CommandTimeoutSeconds;
            await _file.CopyToAsync(copy, 1 << 16, ct);
        }
        return Writer.Count;
    }

    public void Dispose() => _file.Dispose();
}

using Npgsql;

namespace RevBot.Testing;

/// <summary>CREATE and DROP DATABASE statements for the test databases, retried past the server's own brief visitors.</summary>
internal static class PostgresAdmin
{
    public static async Task RunAsync(string admin, string sql)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            // An autovacuum worker the server started on a new database: FORCE cannot end it for a non-superuser
            // (42501), and a template it is visiting cannot be copied (55006). Such a worker finishes within moments.
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }
}

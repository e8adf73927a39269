using System.Globalization;
using Npgsql;

namespace RevBot.Benchmarks;

/// <summary>
/// CPU time of the PostgreSQL backends serving one database, read from /proc (the server on this machine): a number
/// that does not depend on how loaded the shared machine is, where wall times do. Backends that end between two
/// readings are not counted (a pool keeps its connections, so few do).
/// </summary>
internal static class BackendCpu
{
    public static async Task<Dictionary<int, double>> ReadAsync(string connectionString)
    {
        var seen = new Dictionary<int, double>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (Ticks(pid) is { } ms) seen[pid] = ms;
        }
        return seen;
    }

    /// <summary>Milliseconds of CPU the backends spent between two readings (those new since the first counted whole).</summary>
    public static double Between(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Sum(a => a.Value - before.GetValueOrDefault(a.Key));

    private static double? Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime, fields 14 and 15 of stat (12 and 13 after the command), in 1/100 s.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}

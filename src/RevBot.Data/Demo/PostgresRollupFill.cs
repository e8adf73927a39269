using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Data.Storage;

namespace RevBot.Data.Demo;

/// <summary>
/// The closed-deal and cohort rollups of a PostgreSQL demo load, filled in after its commit on parallel connections.
/// Inside the load's one transaction they took 40 s of a single server process at scale 100 (docs/benchmarks.md,
/// "Seeding"); the load unregisters their zones and windows before it starts (<see cref="UnregisterAsync"/>) and
/// registers them again once committed (<see cref="FillAsync"/>), each fill its own transaction on its own connection.
/// The engine reads these rollups only for registered zones and windows, so until a fill commits a question reads the
/// tables and gets the same answer, slower. A seed stopped in between leaves them unregistered, not wrong: the host's
/// start and <c>revbot db migrate</c> register the company's (<see cref="Rollups.KeepAsync(Core.Storage.RevBotDb, Core.Company.CompanyOptions, DateOnly, CancellationToken)"/>).
/// </summary>
internal sealed class PostgresRollupFill
{
    /// <summary>The cohort windows are filled in this many parts at once, beside the zones' fills (2 cores measured).</summary>
    private const int WindowParts = 2;

    private readonly List<string> _zones = [];
    private readonly List<(DateOnly D0, DateOnly D1)> _windows = [];

    private PostgresRollupFill()
    {
    }

    public int Zones => _zones.Count;

    public int Windows => _windows.Count;

    /// <summary>Reads the registered zones and windows, then unregisters them, inside the load's transaction.</summary>
    public static async Task<PostgresRollupFill> UnregisterAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var fill = new PostgresRollupFill();
        await using (var read = MaintenanceStatements.Command("SELECT time_zone FROM closed_deal_day_zones ORDER BY time_zone", connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) fill._zones.Add(reader.GetString(0));
        await using (var read = MaintenanceStatements.Command("SELECT d0, d1 FROM cohort_windows ORDER BY d0, d1", connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) fill._windows.Add((reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1)));
        // Their rollups' rows go with them (ON DELETE CASCADE); on an empty database there are none.
        await using var delete = MaintenanceStatements.Command("DELETE FROM closed_deal_day_zones; DELETE FROM cohort_windows", connection);
        await delete.ExecuteNonQueryAsync(ct);
        return fill;
    }

    /// <summary>
    /// Registers the zones and windows again, every fill on its own connection at once, with <paramref name="alongside"/>
    /// (the vacuum) running meanwhile. Each fill commits alone; one that fails leaves its part unregistered.
    /// </summary>
    public async Task FillAsync(string connectionString, Func<Task> alongside, ILogger log, CancellationToken ct)
    {
        var fills = _zones.Select(zone => FillOneAsync(connectionString, $"Filling in the closed-deal rollup for {zone}", "SELECT closed_deal_days_add_zone(@zone)",
            c => c.Parameters.AddWithValue("zone", zone), log, ct)).ToList();
        // Round robin over the windows in date order: the later ones cover more subscriptions, so each part gets its share.
        var parts = Enumerable.Range(0, WindowParts).Select(p => _windows.Where((_, i) => i % WindowParts == p).ToList()).Where(p => p.Count > 0).ToList();
        fills.AddRange(parts.Select(part => FillOneAsync(connectionString, $"Filling in {part.Count} cohort windows of the subscription rollups",
            "SELECT cohort_windows_add(@d0, @d1)", c =>
            {
                c.Parameters.AddWithValue("d0", part.Select(w => w.D0).ToArray());
                c.Parameters.AddWithValue("d1", part.Select(w => w.D1).ToArray());
            }, log, ct)));
        fills.Add(alongside());
        await Task.WhenAll(fills);
    }

    private static async Task FillOneAsync(string connectionString, string step, string sql, Action<NpgsqlCommand> bind, ILogger log, CancellationToken ct)
    {
        // Off the caller's thread at once, so the fills' connections open and start together.
        await Task.Yield();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await MaintenanceStatements.StepAsync(step, log, async () =>
        {
            await using var command = MaintenanceStatements.Command(sql, connection);
            bind(command);
            await command.ExecuteNonQueryAsync(ct);
        });
    }
}

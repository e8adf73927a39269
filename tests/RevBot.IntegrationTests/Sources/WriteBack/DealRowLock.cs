using Npgsql;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// A test's own PostgreSQL transaction holding a deal's row (<c>FOR UPDATE</c>), and the server's view of who waits for
/// a lock in the test's database: the signal that a statement is queued, instead of a sleep.
/// </summary>
internal sealed class DealRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _holder;
    private readonly NpgsqlConnection _watcher;
    private NpgsqlTransaction? _transaction;

    private DealRowLock(NpgsqlConnection holder, NpgsqlConnection watcher)
    {
        _holder = holder;
        _watcher = watcher;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DealRowLock> TakeAsync(TestDatabase database, string dealId)
    {
        var holder = new NpgsqlConnection(database.Target.ConnectionString);
        var watcher = new NpgsqlConnection(database.Target.ConnectionString);
        await holder.OpenAsync(Ct);
        await watcher.OpenAsync(Ct);
        var held = new DealRowLock(holder, watcher) { _transaction = await holder.BeginTransactionAsync(Ct) };
        await using var command = new NpgsqlCommand("SELECT id FROM deals WHERE id = @id FOR UPDATE", holder, held._transaction);
        command.Parameters.AddWithValue("id", dealId);
        Assert.Equal(dealId, await command.ExecuteScalarAsync(Ct));
        return held;
    }

    /// <summary>The statements of this database's sessions that wait for a lock another session holds.</summary>
    public async Task<List<string>> WaitingAsync()
    {
        const string Sql = "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
            + "AND cardinality(pg_blocking_pids(pid)) > 0 ORDER BY query_start";
        await using var command = new NpgsqlCommand(Sql, _watcher);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var queries = new List<string>();
        while (await reader.ReadAsync(Ct)) queries.Add(reader.GetString(0));
        return queries;
    }

    /// <summary>
    /// Returns once <paramref name="count"/> statements wait for a lock, failing the test if it does not happen or if one
    /// of <paramref name="running"/> finishes instead (it was meant to be queued, not to get through).
    /// </summary>
    public async Task<List<string>> QueuedAsync(int count, params Task[] running)
    {
        var waiting = new List<string>();
        var queued = await Wait.UntilAsync(async () => running.Any(t => t.IsCompleted) || (waiting = await WaitingAsync()).Count >= count);
        foreach (var task in running.Where(t => t.IsCompleted)) await task; // Its exception, if it failed.
        Assert.True(queued && running.All(t => !t.IsCompleted), $"Expected {count} statements waiting for a lock; waiting: {string.Join(" | ", waiting)}");
        Assert.Equal(count, waiting.Count);
        return waiting;
    }

    /// <summary>
    /// Returns once the statements waiting for a lock on the deals satisfy <paramref name="queued"/> (another session's
    /// statement waiting briefly on something else, under a loaded run, is not counted), failing the test if it does
    /// not happen or if one of <paramref name="running"/> finishes instead.
    /// </summary>
    public async Task<List<string>> QueuedOnDealsAsync(Func<List<string>, bool> queued, params Task[] running)
    {
        var onDeals = new List<string>();
        var done = await Wait.UntilAsync(async () =>
            running.Any(t => t.IsCompleted) || queued(onDeals = [.. (await WaitingAsync()).Where(q => q.Contains("deals", StringComparison.Ordinal))]));
        foreach (var task in running.Where(t => t.IsCompleted)) await task;
        Assert.True(done && running.All(t => !t.IsCompleted), $"The statements waiting on the deals never matched; waiting: {string.Join(" | ", onDeals)}");
        return onDeals;
    }

    public async Task ReleaseAsync()
    {
        await _transaction!.CommitAsync(Ct);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        await _holder.DisposeAsync();
        await _watcher.DisposeAsync();
    }
}

using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Storage;

/// <summary>
/// One database per provider, created and seeded on first use and then shared read-only by a fixture's tests
/// (the metric and alert datasets). Concurrent first uses wait for the same creation.
/// </summary>
internal sealed class SeededDatabases(Func<RevBotDb, Task> seed) : IAsyncDisposable
{
    private readonly Dictionary<DbProvider, Task<TestDatabase>> _databases = [];
    private readonly Lock _lock = new();

    public Task<TestDatabase> GetAsync(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        lock (_lock)
        {
            if (!_databases.TryGetValue(provider, out var task)) _databases[provider] = task = CreateAsync(provider);
            return task;
        }
    }

    private async Task<TestDatabase> CreateAsync(DbProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await seed(db);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var task in _databases.Values)
            if (task.IsCompletedSuccessfully) await task.Result.DisposeAsync();
    }
}

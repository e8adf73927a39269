using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RevBot.Core.Storage;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

public sealed class CsvTransactionTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_failure_while_writing_rolls_back_the_tables_already_written(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var failing = new FailingSave(failOnSave: 6);
        await using (var db = Context(test, failing))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                CsvImporter.ImportAsync(db, ImportFolder.Sample, ct: TestContext.Current.CancellationToken));
        }

        Assert.Equal(6, failing.Saves);
        Assert.All(await DbSnapshot.CountsAsync(test), t => Assert.Equal(0, t.Value));
    }

    private static RevBotDb Context(TestDatabase test, IInterceptor interceptor)
    {
        if (test.Target.Provider == DbProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteRevBotDb>();
            RevBotDbFactory.Configure(sqlite, test.Target);
            return new SqliteRevBotDb(sqlite.AddInterceptors(interceptor).Options);
        }
        var postgres = new DbContextOptionsBuilder<PostgresRevBotDb>();
        RevBotDbFactory.Configure(postgres, test.Target);
        return new PostgresRevBotDb(postgres.AddInterceptors(interceptor).Options);
    }

    /// <summary>Fails the n-th SaveChanges, after earlier ones have written their tables inside the import's transaction.</summary>
    private sealed class FailingSave(int failOnSave) : SaveChangesInterceptor
    {
        public int Saves { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ++Saves == failOnSave ? throw new InvalidOperationException("simulated failure") : ValueTask.FromResult(result);
    }
}

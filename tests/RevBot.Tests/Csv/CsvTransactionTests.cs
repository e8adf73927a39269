using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

public sealed class CsvTransactionTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_database_failure_while_writing_rolls_back_the_tables_already_written(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        // forecast_snapshots is written last, after every other table of the sample.
        await using (var db = test.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(provider == DbProvider.Sqlite
                ? "CREATE TRIGGER refuse BEFORE INSERT ON forecast_snapshots BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;"
                : "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$;"
                  + " CREATE TRIGGER refuse BEFORE INSERT ON forecast_snapshots FOR EACH ROW EXECUTE FUNCTION refuse();", ct);
        }

        await using (var db = test.NewContext())
        {
            var failure = await Assert.ThrowsAnyAsync<DbException>(() => CsvImporter.ImportAsync(db, ImportFolder.Sample, ct: ct));
            Assert.Contains("simulated failure", failure.Message, StringComparison.Ordinal);
        }

        Assert.All(await DbSnapshot.CountsAsync(test), t => Assert.Equal(0, t.Value));
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RevBot.Core.Domain;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Demo;

/// <summary>The bulk loaders write what EF Core itself would, and leave the database ready for EF Core to go on.</summary>
public sealed class DemoStorageTests(DemoCompanyFixture company)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_bulk_table_writes_every_column_of_the_ef_model()
    {
        using var ctx = RevBotDbFactory.Create(DbTarget.Sqlite("unused.db"));
        var tables = new Dictionary<string, IReadOnlyList<string>>
        {
            [DemoTables.Accounts.Name] = Names(DemoTables.Accounts.Columns), [DemoTables.Contacts.Name] = Names(DemoTables.Contacts.Columns),
            [DemoTables.Deals.Name] = Names(DemoTables.Deals.Columns), [DemoTables.StageHistory.Name] = Names(DemoTables.StageHistory.Columns),
            [DemoTables.DealHistory.Name] = Names(DemoTables.DealHistory.Columns),
            [DemoTables.Activities.Name] = Names(DemoTables.Activities.Columns), [DemoTables.Subscriptions.Name] = Names(DemoTables.Subscriptions.Columns),
            [DemoTables.Usage.Name] = Names(DemoTables.Usage.Columns), [DemoTables.Tickets.Name] = Names(DemoTables.Tickets.Columns),
            [DemoTables.Audit.Name] = Names(DemoTables.Audit.Columns),
            [DemoTables.Spend.Name] = Names(DemoTables.Spend.Columns), [DemoTables.Quotas.Name] = Names(DemoTables.Quotas.Columns),
            [DemoTables.Forecasts.Name] = Names(DemoTables.Forecasts.Columns),
        };
        Assert.Equal(DemoTables.Loaded.Order(), tables.Keys.Order());
        foreach (var (table, columns) in tables)
        {
            var entity = ctx.Model.GetEntityTypes().Single(e => e.GetTableName() == table);
            var store = StoreObjectIdentifier.Table(table);
            Assert.Equal(entity.GetProperties().Select(p => p.GetColumnName(store)!).Order(), columns.Order());
        }
    }

    [Fact]
    public async Task Sqlite_values_are_stored_exactly_as_ef_core_stores_them()
    {
        var db = await company.GetAsync(DbProvider.Sqlite);
        await using var ctx = db.NewContext();
        var seeded = await ctx.Deals.AsNoTracking().FirstAsync(d => d.Status == DealStatus.Lost && d.Probability != null, Ct);
        var copy = await ctx.Deals.AsNoTracking().FirstAsync(d => d.Id == seeded.Id, Ct);
        copy.Id = "ef-written";
        copy.CreatedAt = copy.CreatedAt!.Value.AddTicks(1234567);
        ctx.Deals.Add(copy);
        await ctx.SaveChangesAsync(Ct);

        var seededRow = await RawAsync(ctx, seeded.Id);
        var efRow = await RawAsync(ctx, copy.Id);
        ctx.Deals.Remove(copy);
        await ctx.SaveChangesAsync(Ct);

        Assert.Equal(efRow[1..], seededRow[1..]);
        Assert.Matches(@"^text:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", seededRow[0]);
        Assert.Equal(seededRow[0] + ".1234567", efRow[0]);
        Assert.Equal("text:" + copy.CreatedAt.Value.ToString(BulkColumn<Deal>.SqliteDateTimeFormat, CultureInfo.InvariantCulture), efRow[0]);
    }

    [Fact]
    public async Task Sqlite_keeps_its_foreign_keys_and_journal_after_a_seed()
    {
        var db = await company.GetAsync(DbProvider.Sqlite);
        await using var connection = new SqliteConnection(db.Target.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
        command.CommandText = "PRAGMA foreign_key_check";
        await using var violations = await command.ExecuteReaderAsync(Ct);
        Assert.False(await violations.ReadAsync(Ct));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_second_seed_is_refused_and_ef_can_go_on_adding_rows(DbProvider provider)
    {
        await using var db = await DemoCompanyFixture.SeedAsync(provider, 0.02);
        await using var ctx = db.NewContext();

        var refused = await Assert.ThrowsAsync<DemoSeedRefusedException>(() =>
            DemoSeeder.SeedAsync(ctx, new DemoSeedOptions { Scale = 0.02, AsOf = DemoCompanyFixture.AsOf }, ct: Ct));
        ctx.Users.Add(new User { Email = "new.person@example.com", Name = "New Person" });
        ctx.Quotas.Add(new Quota { PeriodStart = new(2026, 4, 1), PeriodEnd = new(2026, 6, 30), Amount = 1000 });
        await ctx.SaveChangesAsync(Ct);

        Assert.Contains("already has data", refused.Message, StringComparison.Ordinal);
        Assert.Equal(await ctx.Users.CountAsync(Ct), await ctx.Users.MaxAsync(u => u.Id, Ct));
    }

    private static IReadOnlyList<string> Names<T>(IReadOnlyList<BulkColumn<T>> columns) => [.. columns.Select(c => c.Name)];

    private static async Task<string[]> RawAsync(Microsoft.EntityFrameworkCore.DbContext ctx, string id)
    {
        var connection = (SqliteConnection)ctx.Database.GetDbConnection();
        await ctx.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT typeof(created_at) || ':' || created_at, typeof(amount) || ':' || amount, typeof(close_date) || ':' || close_date,
                   typeof(closed_at) || ':' || closed_at, status, type, typeof(probability) || ':' || probability, forecast_category
            FROM deals WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetString(i))];
    }
}

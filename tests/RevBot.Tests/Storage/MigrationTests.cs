using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Storage;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Migrations_apply_from_empty_and_leave_nothing_pending(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var ctx = db.NewContext();
        Assert.NotEmpty(await ctx.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));

        await DatabaseMigrator.MigrateAsync(ctx, TestContext.Current.CancellationToken);

        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await ctx.Deals.CountAsync(TestContext.Current.CancellationToken));
        var status = await DatabaseMigrator.CheckAsync(ctx, TestContext.Current.CancellationToken);
        Assert.True(status.Ready, status.Detail);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public void The_model_has_no_changes_missing_from_the_migrations(DbProvider provider)
    {
        // Building a context needs no server; the check compares the model with the last migration's snapshot.
        var target = provider == DbProvider.Sqlite ? DbTarget.Sqlite("unused.db") : DbTarget.Parse("Host=localhost;Database=unused");
        using var ctx = RevBotDbFactory.Create(target);
        Assert.False(ctx.Database.HasPendingModelChanges(), $"Run `dotnet ef migrations add <Name> --project src/RevBot.Data --context {ctx.GetType().Name} --output-dir Migrations/{provider}`.");
    }

    [Fact]
    public async Task A_second_migrate_is_a_no_op()
    {
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var ctx = db.NewContext();
        await DatabaseMigrator.MigrateAsync(ctx, TestContext.Current.CancellationToken);
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}

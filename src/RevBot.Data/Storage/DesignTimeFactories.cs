using Microsoft.EntityFrameworkCore.Design;

namespace RevBot.Data.Storage;

// Used only by `dotnet ef migrations add`: no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRevBotDb>
{
    public SqliteRevBotDb CreateDbContext(string[] args) =>
        new(RevBotDbFactory.Options<SqliteRevBotDb>(DbTarget.Sqlite("design-time.db")));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRevBotDb>
{
    public PostgresRevBotDb CreateDbContext(string[] args) =>
        new(RevBotDbFactory.Options<PostgresRevBotDb>(DbTarget.Parse("Host=localhost;Database=revbot;Username=revbot")));
}

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>The PostgreSQL flavour of the revenue database; owns the PostgreSQL migrations.</summary>
public sealed class PostgresRevBotDb(DbContextOptions<PostgresRevBotDb> options) : RevBotDb(options);

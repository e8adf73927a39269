using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RevBotDb"/> (scoped) for the given target, with the provider's own context type behind it.</summary>
    public static IServiceCollection AddRevBotData(this IServiceCollection services, DbTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        services.AddSingleton(target);
        if (target.Provider == DbProvider.Sqlite)
        {
            services.AddDbContext<SqliteRevBotDb>(o => RevBotDbFactory.Configure(o, target));
            services.AddScoped<RevBotDb>(sp => sp.GetRequiredService<SqliteRevBotDb>());
        }
        else
        {
            services.AddDbContext<PostgresRevBotDb>(o => RevBotDbFactory.Configure(o, target));
            services.AddScoped<RevBotDb>(sp => sp.GetRequiredService<PostgresRevBotDb>());
        }
        return services;
    }
}

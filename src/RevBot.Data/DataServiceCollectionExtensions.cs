using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Metrics;
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
            services.AddDbContext<SqliteRevBotDb>((sp, o) => Configure(sp, o, target));
            services.AddScoped<RevBotDb>(sp => sp.GetRequiredService<SqliteRevBotDb>());
        }
        else
        {
            services.AddDbContext<PostgresRevBotDb>((sp, o) => Configure(sp, o, target));
            services.AddScoped<RevBotDb>(sp => sp.GetRequiredService<PostgresRevBotDb>());
        }
        return services;
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options, DbTarget target)
    {
        RevBotDbFactory.Configure(options, target);
        // Saves that change the data a question checks drop the kept facts (registered by Core's metrics).
        if (services.GetService<DataFactsInvalidation>() is { } invalidation) options.AddInterceptors(invalidation);
    }
}

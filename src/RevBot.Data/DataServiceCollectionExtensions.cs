using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RevBotDb"/> (scoped) for the given target, with the provider's own context type behind it,
    /// and <see cref="QuestionReads"/>: a context on <paramref name="questionReplica"/> when one is given (PostgreSQL
    /// only), else the same scoped context.
    /// </summary>
    public static IServiceCollection AddRevBotData(this IServiceCollection services, DbTarget target, DbTarget? questionReplica = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        services.AddSingleton(target);
        // The options are built once (singleton), not with every scope: building them (the provider, the naming
        // convention, the warnings) was a tenth of a small question's CPU in the host. Nothing in them is per request.
        if (target.Provider == DbProvider.Sqlite)
        {
            services.AddDbContext<SqliteRevBotDb>((sp, o) => Configure(sp, o, target), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<RevBotDb>(sp => sp.GetRequiredService<SqliteRevBotDb>());
        }
        else
        {
            services.AddDbContext<PostgresRevBotDb>((sp, o) => Configure(sp, o, target), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<RevBotDb>(sp => sp.GetRequiredService<PostgresRevBotDb>());
        }
        if (questionReplica is not null)
        {
            if (target.Provider != DbProvider.Postgres || questionReplica.Provider != DbProvider.Postgres)
                throw new ArgumentException("A question replica needs a PostgreSQL target and a PostgreSQL replica.", nameof(questionReplica));
            var options = RevBotDbFactory.Options<PostgresRevBotDb>(questionReplica);
            services.AddSingleton(new QuestionReplicaTarget(questionReplica));
            services.AddScoped(_ => QuestionReads.Replica(new PostgresRevBotDb(options)));
        }
        else
        {
            services.AddScoped(sp => QuestionReads.Primary(sp.GetRequiredService<RevBotDb>()));
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

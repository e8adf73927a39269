using Microsoft.Extensions.Options;
using RevBot.Core;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Host.Api;
using RevBot.Slack;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Sources;
using RevBot.Teams;
using RevBot.Teams.App.Endpoints;

namespace RevBot.Host.Hosting;

/// <summary>Builds, prepares and runs the web host. Tests use <see cref="StartAsync"/> to run the very same host.</summary>
public static class RevBotServer
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        try
        {
            await using var app = await StartAsync(args, ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"revbot: {ex.Message}");
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"revbot: invalid setting: {ex.Failures.FirstOrDefault() ?? ex.Message}");
            return 1;
        }
    }

    /// <summary>Builds the host, validates every option, prepares the database and starts listening.</summary>
    public static Task<WebApplication> StartAsync(string[] args, CancellationToken ct = default) => StartAsync(args, null, ct);

    /// <param name="overrides">Runs after every registration, so a test can replace a service (the clock, say).</param>
    internal static async Task<WebApplication> StartAsync(string[] args, Action<IServiceCollection>? overrides, CancellationToken ct = default)
    {
        var app = Build(args, overrides);
        try
        {
            // Fail on a bad setting before touching the database.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await DatabasePreparation.RunAsync(app, ct);
            await QuestionReplicaCheck.RunAsync(app, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RevBot.Database"), ct);
            await app.StartAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public static WebApplication Build(string[] args) => Build(args, null);

    private static WebApplication Build(string[] args, Action<IServiceCollection>? overrides)
    {
        var builder = WebApplication.CreateBuilder(RevBotConfiguration.HostOptions(args));
        HostSettings.AddMountedSecrets(builder.Configuration);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])) builder.WebHost.UseUrls(HostSettings.DefaultUrl);
        var target = ResolveTarget(builder.Configuration);
        builder.Services.AddRevBotCore(builder.Configuration);
        builder.Services.AddRevBotData(target, ResolveQuestionReplica(builder.Configuration, target));
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.AddRevBotHost();
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddSources(builder.Configuration);
        builder.Services.AddRevBotTelemetry(builder.Configuration);
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseDataUnavailableResponses();
        app.UseRequestSizeLimit(HostServiceCollectionExtensions.MaxRequestBodyBytes);
        app.MapHealthEndpoints();
        app.MapAskEndpoints();
        app.MapDealEndpoints();
        app.MapSlackEndpoints();
        app.MapTeamsEndpoints();
        app.MapImageEndpoints();
        app.MapHubspotWebhooks();
        app.MapStripeWebhooks();
        return app;
    }

    private static DbTarget ResolveTarget(IConfiguration config)
    {
        var raw = config[HostSettings.DatabaseTargetKey];
        if (string.IsNullOrWhiteSpace(raw)) raw = Environment.GetEnvironmentVariable(DbTarget.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(raw)) return DbTarget.DefaultSqlite();
        return DbTarget.TryParse(raw, out var target, out var error)
            ? target!
            : throw new StartupException($"{HostSettings.DatabaseTargetKey} (or --db / REVBOT_DB): {error}.");
    }

    /// <summary><c>Database:QuestionReplica</c>: a PostgreSQL read replica of a PostgreSQL target, or nothing.</summary>
    private static DbTarget? ResolveQuestionReplica(IConfiguration config, DbTarget target)
    {
        var raw = config[HostSettings.QuestionReplicaKey];
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (!DbTarget.TryParse(raw, out var replica, out var error))
            throw new StartupException($"{HostSettings.QuestionReplicaKey}: {error}.");
        if (replica!.Provider != DbProvider.Postgres || target.Provider != DbProvider.Postgres)
            throw new StartupException($"{HostSettings.QuestionReplicaKey} is a PostgreSQL read replica of a PostgreSQL {HostSettings.DatabaseTargetKey}; leave it empty with SQLite.");
        return replica;
    }
}

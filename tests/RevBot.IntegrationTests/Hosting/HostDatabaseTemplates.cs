using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Company;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>
/// Starts the real host on a SQLite file that already holds what the host's own start-up preparation would write
/// (migrations, and unless <c>Database:SeedDemoData=false</c> the demo company for the settings and today's date):
/// migrating and seeding a fresh file for every host was most of this project's time. The file is a copy of a
/// template made once per process and per (database and company settings, day) by the host's own
/// <see cref="DatabasePreparation"/>, so the host finds nothing to migrate and the company already there. Tests of
/// the first start (migrate and seed an empty file) start <see cref="RevBotServer"/> on an empty file instead.
/// </summary>
internal static class HostDatabaseTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Template>>> Templates = new();

    /// <summary>The host with <paramref name="settings"/> on a copy of the template at <paramref name="path"/> (a new file).</summary>
    public static async Task<WebApplication> StartAsync(string path, IReadOnlyList<string> settings, Action<IServiceCollection>? overrides = null,
        CancellationToken ct = default)
    {
        var template = await Templates.GetOrAdd(Key(settings), key => new(() => MakeAsync(Prepared(settings)))).Value;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(template.Path, path);
        var app = await RevBotServer.StartAsync([$"--Database:Target=sqlite:{path}", .. settings], overrides, ct);
        // A template made before midnight holds yesterday's company: fail loudly rather than answer from it.
        if (app.Services.GetRequiredService<CompanyClock>().Today != template.Day)
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
            throw new InvalidOperationException($"The host's day is not the template's ({template.Day:yyyy-MM-dd}); run the test again.");
        }
        return app;
    }

    /// <summary>Deletes the template files (the assembly fixture calls this when the run ends).</summary>
    public static void Delete()
    {
        foreach (var made in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
            if (File.Exists(made.Value.Result.Path)) File.Delete(made.Value.Result.Path);
    }

    /// <summary>The settings the preparation reads (DatabaseOptions, CompanyOptions), the database's own aside.</summary>
    private static string[] Prepared(IReadOnlyList<string> settings) =>
        [.. settings.Where(s => (s.StartsWith("--Database:", StringComparison.Ordinal) && !s.StartsWith("--Database:Target=", StringComparison.Ordinal))
            || s.StartsWith("--Company:", StringComparison.Ordinal))];

    /// <summary>The prepared settings and the day in the company's zone (the demo company's as-of).</summary>
    private static string Key(IReadOnlyList<string> settings)
    {
        var prepared = Prepared(settings);
        var zone = prepared.LastOrDefault(s => s.StartsWith("--Company:TimeZone=", StringComparison.Ordinal))?["--Company:TimeZone=".Length..] ?? "UTC";
        var today = new CompanyClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(zone)).Today;
        return $"{string.Join(' ', prepared)}@{today:yyyy-MM-dd}";
    }

    private static async Task<Template> MakeAsync(string[] prepared)
    {
        var path = Path.Combine(Path.GetTempPath(), "revbot-tests", $"host-template-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DateOnly day;
        await using (var app = RevBotServer.Build([$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", .. prepared]))
        {
            day = app.Services.GetRequiredService<CompanyClock>().Today;
            await DatabasePreparation.RunAsync(app, CancellationToken.None);
        }
        // The file holds everything once no connection is open (SQLite's default rollback journal, no WAL).
        using (var conn = new SqliteConnection(DbTarget.Parse($"sqlite:{path}").ConnectionString)) SqliteConnection.ClearPool(conn);
        return new Template(path, day);
    }

    private sealed record Template(string Path, DateOnly Day);
}

/// <summary>The assembly fixture that deletes the hosts' templates when the run ends.</summary>
public sealed class HostTemplateCleanup : IDisposable
{
    public void Dispose() => HostDatabaseTemplates.Delete();
}

using System.CommandLine;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Sources;
using RevBot.Sources.Sync;

namespace RevBot.Host.Cli;

/// <summary>
/// <c>revbot sync &lt;hubspot|salesforce|stripe&gt; [--full] [--dry-run]</c>: one sync of one system through the same
/// runner as the background sync (its lock, cursors, checks and record), then what it read, wrote, deleted and
/// skipped, and why. Exit 0 when the run succeeded, 1 when it failed, 3 when another sync of the system was running
/// (nothing done), 2 for a mistake (an unknown system, one not enabled or not built in).
/// </summary>
internal static class SyncCommand
{
    /// <summary>The exit code when another instance (or command) holds the system's lock.</summary>
    public const int Busy = 3;

    public static readonly Option<bool> Full = new("--full") { Description = "Read every record again instead of what changed since the last sync (the cursors)." };

    public static readonly Option<bool> DryRun = new("--dry-run") { Description = "Read and check everything in one transaction that is rolled back: the counts of a real run, nothing written." };

    /// <param name="overrides">Runs after the command's registrations (tests register a scripted connector).</param>
    public static Command Create(Action<IServiceCollection>? overrides = null)
    {
        var system = new Argument<string>("system") { Description = "hubspot, salesforce or stripe." };
        system.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token] && !EnumText.TryParse<SourceSystem>(token.Value, out _) && !token.Value.StartsWith('-'))
                result.AddError($"'{token.Value}' is not a system RevBot syncs; use hubspot, salesforce or stripe.");
        });
        var sync = new Command("sync", "Sync one system of record now: what changed since the last sync, or everything with --full.") { system, Full, DryRun };
        OptionTypos.RefuseOptionsIn(system, sync);
        sync.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var which = EnumText.Parse<SourceSystem>(parse.GetValue(system)!);
            var name = EnumText.Format(which);
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!CliDatabase.Exists(target, error)) return 2;
            await using var services = CliServices.Create(target, (s, configuration) =>
            {
                s.AddSources(configuration);
                overrides?.Invoke(s);
            });
            if (!services.GetRequiredService<IOptions<SyncOptions>>().Value.For(which).Enabled)
            {
                await error.WriteLineAsync($"revbot: the {name} sync is not enabled; set Sources:{which}:Enabled to true and its credentials (docs/sources.md). Nothing was done.");
                return 2;
            }
            await using var scope = services.CreateAsyncScope();
            if (SourceConnectors.Find(scope.ServiceProvider, which) is not { } connector)
            {
                await error.WriteLineAsync($"revbot: this build has no {name} connector. Nothing was done.");
                return 2;
            }
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            if (!await CliDatabase.EnsureReadyAsync(db, target, error, ct)) return 2;
            var request = new SyncRequest(parse.GetValue(Full), parse.GetValue(DryRun));
            var outcome = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(db, connector, request, ct);
            if (outcome.Run is not { } run)
            {
                await error.WriteLineAsync($"revbot: another {name} sync is running (here or on another instance); nothing was done. Try again when it has finished.");
                return Busy;
            }
            await SyncReport.WriteAsync(run, output);
            if (run.Error is null) return 0;
            await error.WriteLineAsync($"revbot: the {name} sync failed: {run.Error}. The batches before the failure are kept; the next sync resumes after them.");
            return 1;
        });
        return sync;
    }
}

using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// At start, after the primary is prepared: the question replica (when set) must answer and hold every migration
/// this build knows, or the host stops with one sentence; answering from a database with another schema, or from
/// one that is not a copy of the target at all, would give numbers nobody can trust. A replica just behind a
/// migration the primary has applied is given a little time to replay it.
/// </summary>
internal static class QuestionReplicaCheck
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(WebApplication app, ILogger log, CancellationToken ct)
    {
        if (app.Services.GetService<QuestionReplicaTarget>() is not { } replica) return;
        var time = app.Services.GetRequiredService<TimeProvider>();
        var until = time.GetUtcNow() + CatchUp;
        while (true)
        {
            await using var db = RevBotDbFactory.Create(replica.Target);
            var status = await DatabaseMigrator.CheckAsync(db, ct);
            if (!status.Reachable)
                throw new StartupException($"{HostSettings.QuestionReplicaKey}: the replica {replica.Target} cannot be reached.");
            if (status.PendingMigrations == 0) break;
            // No migration at all is not a replica running behind: it is some other (empty) database.
            if (time.GetUtcNow() >= until || status.PendingMigrations == db.Database.GetMigrations().Count())
                throw new StartupException($"{HostSettings.QuestionReplicaKey}: the replica {replica.Target} lacks {status.PendingMigrations} migration(s) the target has; point it at a replica of {HostSettings.DatabaseTargetKey}.");
            await Task.Delay(TimeSpan.FromMilliseconds(500), time, ct);
        }
        log.LogInformation("Questions read from the replica {Replica}.", replica.Target);
    }
}

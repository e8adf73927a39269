using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Sources.Sync;

/// <summary>
/// Tells RevOps (<see cref="SyncOptions.AlertChannel"/>) when a system's sync starts failing and when it works again:
/// once per streak, not every interval. A real run's outcome is compared with the system's previous finished real run
/// (runs of one system never overlap: the runner's lock), and the message is added to the context the run's record is
/// saved with, so it is in the chat outbox if and only if the run is recorded.
/// </summary>
internal static class SyncNotices
{
    public const string FailedKind = "sync.failed";
    public const string RecoveredKind = "sync.recovered";

    public static async Task AddAsync(RevBotDb db, SyncRun run, SyncOptions options, CancellationToken ct)
    {
        if (run.DryRun || run.FinishedAt is not { } finished || options.AlertTarget is not { } target) return;
        var previous = await FinishedRuns(db, run).OrderByDescending(r => r.Id).Select(r => new { r.Error }).FirstOrDefaultAsync(ct);
        var failing = run.Error is not null;
        var wasFailing = previous?.Error is not null;
        if (failing == wasFailing) return;
        var language = options.AlertLanguage;
        var name = SourceNames.Display(run.System);
        Reply reply;
        if (failing)
        {
            var lastSuccess = await FinishedRuns(db, run).Where(r => r.Error == null).MaxAsync(r => r.FinishedAt, ct);
            var minutes = Formats.Number((decimal)options.For(run.System).Interval.TotalMinutes, language);
            reply = new Reply
            {
                Title = Texts.Get(language, nameof(Catalog.SyncFailedTitle), name),
                Text = lastSuccess is { } at
                    ? Texts.Get(language, nameof(Catalog.SyncFailedText), name, run.Error, When(at, language), minutes)
                    : Texts.Get(language, nameof(Catalog.SyncFailedTextNever), name, run.Error, minutes),
                Language = language,
            };
        }
        else
        {
            reply = new Reply
            {
                Title = Texts.Get(language, nameof(Catalog.SyncRecoveredTitle), name),
                Text = Texts.Get(language, nameof(Catalog.SyncRecoveredText), name, When(finished, language)),
                Language = language,
            };
        }
        db.Outbox.Add(new OutboxMessage
        {
            Kind = failing ? FailedKind : RecoveredKind,
            Platform = target.Platform,
            ChannelId = target.ChannelId,
            Payload = ReplyJson.Serialize(reply),
            CreatedAt = finished,
            AvailableAt = finished,
        });
    }

    private static IQueryable<SyncRun> FinishedRuns(RevBotDb db, SyncRun run) =>
        db.SyncRuns.AsNoTracking().Where(r => r.System == run.System && r.Id != run.Id && !r.DryRun && r.FinishedAt != null);

    private static string When(DateTime at, string language) =>
        Texts.Get(language, nameof(Catalog.SyncTime), Formats.Date(DateOnly.FromDateTime(at), language, DateStyle.Long),
            at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}

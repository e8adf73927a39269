using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Periods;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// Runs the weekly call on the digest scheduler (<see cref="IScheduledKind"/>): each configured team's schedule is a
/// <c>digest_schedules</c> row of kind "forecast_call", so its slot is claimed once across instances, in the team's
/// time zone, DST-safe. A claimed slot opens the call: the <c>forecast_calls</c> row and every rep's card, written to
/// the outbox as direct messages in one transaction. Each tick then sends what is due: the reminder to those who have
/// not called, and at the deadline the roll-ups (<see cref="ForecastCallRollups"/>); each is claimed by one
/// <c>UPDATE … WHERE … IS NULL</c> in the transaction that writes its messages, so it goes out exactly once.
/// </summary>
public sealed partial class ForecastCallScheduler(
    RevBotDb db, ForecastCallReader reader, ForecastCallRollups rollups, IOptions<ForecastCallOptions> options, IOptions<CompanyOptions> company,
    CompanyClock clock, TimeProvider time, ILogger<ForecastCallScheduler> log) : IScheduledKind
{
    public const string OutboxKind = "forecast.call";

    public string Kind => ForecastCallKinds.Schedule;

    public async Task TickAsync(CancellationToken ct)
    {
        await SyncSchedulesAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var reminders = await db.ForecastCalls.AsNoTracking().Where(c => c.RemindedAt == null && c.RemindAt <= now).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in reminders) await RemindAsync(id, ct);
        var deadlines = await db.ForecastCalls.AsNoTracking().Where(c => c.RolledUpAt == null && c.DeadlineAt <= now).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in deadlines) await RollUpAsync(id, ct);
    }

    public async Task<string> PostAsync(DueDigest due, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        var s = due.Schedule;
        var settings = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due.Slot, zone).DateTime);
        var start = new FiscalCalendar(company.Value.FiscalYearStartMonth).StartOf(PeriodGrain.Quarter, day);
        var opened = due.Slot.UtcDateTime;
        var call = new ForecastCall
        {
            ScheduleId = s.Id, Team = s.Team ?? "", TimeZone = s.TimeZone, OpenedAt = opened, PeriodStart = start, PeriodEnd = start.AddMonths(3).AddDays(-1),
            RemindAt = opened + settings.ReminderAfter, DeadlineAt = opened + settings.Deadline, ManagerDeadlineAt = opened + settings.Deadline + settings.ManagerWindow,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ForecastCalls.Add(call);
        await db.SaveChangesAsync(ct);
        var reps = await RepsAsync(call.Team, ct);
        foreach (var rep in reps)
        {
            if (await reader.ViewAsync(call, rep.Id, team: false, ct) is not { } view) continue;
            Send(rep, ForecastCallCards.Card(view, Language(rep)));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogOpened(log, call.Id, call.Team, reps.Count);
        return reps.Count == 0 ? DigestSlotOutcomes.Empty : DigestSlotOutcomes.Posted;
    }

    private async Task RemindAsync(long callId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ForecastCalls.Where(c => c.Id == callId && c.RemindedAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.RemindedAt, now), ct) != 1) return;
        var call = await db.ForecastCalls.AsNoTracking().FirstAsync(c => c.Id == callId, ct);
        var sent = 0;
        // A reminder after the deadline would ask for what can no longer be given: the claim is kept, nothing is sent.
        if (call.DeadlineAt > now)
        {
            var called = await db.ForecastSnapshots.Where(f => f.CallId == callId && f.Kind == ForecastCallKinds.Commit).Select(f => f.OwnerId).ToListAsync(ct);
            var zone = reader.ZoneOf(call);
            foreach (var rep in (await RepsAsync(call.Team, ct)).Where(r => !called.Contains(r.Id)))
            {
                if (await reader.ViewAsync(call, rep.Id, team: false, ct) is not { } view) continue;
                var language = Language(rep);
                var notice = Texts.Get(language, nameof(Catalog.FcallReminderNotice), DigestScheduleText.Local(ForecastCallCards.Utc(call.DeadlineAt), zone, language));
                Send(rep, ForecastCallCards.Card(view, language, notice));
                sent++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogReminded(log, callId, sent);
    }

    private async Task RollUpAsync(long callId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ForecastCalls.Where(c => c.Id == callId && c.RolledUpAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.RolledUpAt, now), ct) != 1) return;
        var call = await db.ForecastCalls.AsNoTracking().FirstAsync(c => c.Id == callId, ct);
        var messages = await rollups.ComposeAsync(call, ct);
        foreach (var (user, reply) in messages) Send(user, reply);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogRolledUp(log, callId, messages.Count);
    }

    /// <summary>The configured teams' schedules, as <c>digest_schedules</c> rows; a schedule taken out of configuration is stopped.</summary>
    private async Task SyncSchedulesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.DigestSchedules.Where(s => s.Kind == ForecastCallKinds.Schedule).ToListAsync(ct);
        foreach (var wanted in options.Value.Schedules)
        {
            var channel = ForecastCallKinds.ChannelFor(wanted.Team);
            var zone = wanted.TimeZone ?? clock.Zone.Id;
            var row = rows.FirstOrDefault(r => r.ChannelId == channel);
            if (row is null)
            {
                db.DigestSchedules.Add(new DigestSubscription
                {
                    Platform = ChatPlatform.Slack, ChannelId = channel, Kind = ForecastCallKinds.Schedule, Cron = wanted.Cron, TimeZone = zone, Team = wanted.Team,
                    CreatedBy = "configuration", CreatedAt = now, UpdatedAt = now,
                });
            }
            else if (row.Cron != wanted.Cron || row.TimeZone != zone || !row.Active)
            {
                // Counted from now, like a digest schedule changed by a command: an earlier slot today is not "missed".
                (row.Cron, row.TimeZone, row.Active, row.DisabledReason, row.UpdatedAt) = (wanted.Cron, zone, true, null, now);
            }
        }
        foreach (var gone in rows.Where(r => r.Active && !options.Value.Schedules.Exists(w => ForecastCallKinds.ChannelFor(w.Team) == r.ChannelId)))
            (gone.Active, gone.DisabledReason, gone.UpdatedAt) = (false, "removed from ForecastCalls:Schedules", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsOn(ex, db.Model, typeof(DigestSubscription)))
        {
            // Another instance wrote the same row at the same moment: it is there, which is all this wanted.
            db.ChangeTracker.Clear();
        }
    }

    private Task<List<User>> RepsAsync(string team, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Team == team && u.Role == UserRole.Rep).OrderBy(u => u.Id).ToListAsync(ct);

    internal static string Language(User user) => PersonLanguage.Resolve(user.Language, user.ChatLocale);

    /// <summary>A direct message on the chat the person is known on (Slack when neither id is known yet: the dispatcher may find them by e-mail).</summary>
    private void Send(User user, Reply reply)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var platform = user.SlackUserId is null && user.TeamsUserId is not null ? ChatPlatform.Teams : ChatPlatform.Slack;
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind, Platform = platform, ChannelId = "", RecipientUserId = user.Id,
            Payload = ReplyJson.Serialize(reply with { Language = reply.Language ?? Language(user) }), CreatedAt = now, AvailableAt = now,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast call {CallId} for team {Team} opened: {Reps} reps asked.")]
    private static partial void LogOpened(ILogger logger, long callId, string team, int reps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast call {CallId}: {Count} reminders written.")]
    private static partial void LogReminded(ILogger logger, long callId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast call {CallId}: deadline passed, {Count} roll-ups written.")]
    private static partial void LogRolledUp(ILogger logger, long callId, int count);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// Applies a <see cref="DealCommand"/>: replay check, who is acting, permission, version, validation, then the change,
/// its audit entry, stage history, hand-off outbox rows and the applied-command key, all in one SaveChanges (one
/// transaction). The UPDATE carries <c>WHERE version = @expected</c> (Deal.Version is the concurrency token), so of two
/// simultaneous submissions exactly one applies and the other is told what changed.
/// </summary>
public sealed partial class DealCommandService(
    RevBotDb db, IOptions<CompanyOptions> company, IOptions<HandoffOptions> handoffs, CompanyClock clock, ILogger<DealCommandService> log)
{
    public const int MaxKeyLength = 200;

    public async Task<DealCommandResult> ExecuteAsync(DealCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.IdempotencyKey) || command.IdempotencyKey.Length > MaxKeyLength)
            return Fail(DealCommandStatus.Invalid, "The request has no valid idempotency key.");
        if (await ReplayAsync(command.IdempotencyKey, ct) is { } replay) return replay;
        var actor = command.UserId is { } userId ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) : null;
        if (actor is null) return Fail(DealCommandStatus.UnknownUser, DealPermissions.UnknownUser);
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == command.DealId, ct);
        if (deal is null) return Fail(DealCommandStatus.NotFound, $"There is no deal {command.DealId}.");
        if (await DealPermissions.RefusalAsync(db, actor, deal, ct) is { } refusal) return Fail(DealCommandStatus.Forbidden, refusal, deal.Version);
        // Logging an activity overwrites nothing, so it is taken whatever version the card showed.
        if (command.Kind != DealCommandKind.LogActivity && deal.Version != command.ExpectedVersion)
            return await StaleAsync(deal.Id, command.ExpectedVersion, ct);
        return command.Kind == DealCommandKind.LogActivity
            ? await LogActivityAsync(command, actor, deal, ct)
            : await UpdateAsync(command, actor, deal, ct);
    }

    private async Task<DealCommandResult> UpdateAsync(DealCommand command, User actor, Deal deal, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var plan = DealPlanner.Plan(deal, command, company.Value, clock.Today, now);
        if (!plan.IsValid) return Invalid(plan.Errors, deal.Version);
        if (plan.ChangesClosedStatus && DealPermissions.ReopenRefusal(actor) is { } refusal) return Fail(DealCommandStatus.Forbidden, refusal, deal.Version);
        var diff = plan.Diff();
        if (diff.Count == 0)
            return new DealCommandResult { Status = DealCommandStatus.Unchanged, Message = "Nothing to change: the deal already has these values.", Version = deal.Version, ActorName = actor.Name };

        plan.After.ApplyTo(deal);
        deal.Version++;
        db.AuditLog.Add(DealAudit.Entry(deal.Id, actor.Id, command.Channel, plan.Action, diff, deal.Version, now));
        if (plan.After.Stage != plan.Before.Stage)
            db.DealStageHistory.Add(new DealStageChange { DealId = deal.Id, Stage = plan.After.Stage, EnteredAt = now });
        await HandoffOutbox.AddAsync(db, deal, plan.Before.Status, plan.Before.Stage, handoffs.Value, now, ct);
        var message = plan.Action switch
        {
            "won" => $"Marked won by {actor.Name}.",
            "lost" => $"Marked lost by {actor.Name}.",
            "reopen" => $"Reopened by {actor.Name}.",
            _ => $"Updated by {actor.Name}.",
        };
        var result = new DealCommandResult { Status = DealCommandStatus.Applied, Message = message, Version = deal.Version, ActorName = actor.Name };
        return await SaveAsync(command, "deal." + plan.Action, actor, result, ct);
    }

    private async Task<DealCommandResult> LogActivityAsync(DealCommand command, User actor, Deal deal, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new[] { ActivityType.Call, ActivityType.Email, ActivityType.Meeting, ActivityType.Note }.Select(EnumText.Format).ToList();
        if (!DealInput.TryPick(command.ActivityType ?? "", types, "activity types", out var typeText, out var typeError)) errors[DealFields.ActivityType] = typeError;
        var subject = command.Subject?.Trim() ?? "";
        if (subject.Length == 0) errors[DealFields.Subject] = "Say in a few words what happened.";
        else if (subject.Length > DealFields.MaxSubject) errors[DealFields.Subject] = $"Keep the subject under {DealFields.MaxSubject} characters.";
        if (errors.Count > 0) return Invalid(errors, deal.Version);

        var now = clock.UtcNow;
        db.Activities.Add(new Activity
        {
            Id = $"act-{Guid.NewGuid():N}",
            Type = EnumText.Parse<ActivityType>(typeText),
            OccurredAt = now,
            DealId = deal.Id,
            AccountId = deal.AccountId,
            UserId = actor.Id,
            Subject = subject,
        });
        db.AuditLog.Add(DealAudit.Entry(deal.Id, actor.Id, command.Channel, "activity",
            [new DealFieldChange(DealFields.ActivityType, null, typeText), new DealFieldChange(DealFields.Subject, null, subject)], deal.Version, now));
        var result = new DealCommandResult { Status = DealCommandStatus.Applied, Message = $"{char.ToUpperInvariant(typeText[0])}{typeText[1..]} logged by {actor.Name}.", Version = deal.Version, ActorName = actor.Name };
        return await SaveAsync(command, "deal.activity", actor, result, ct);
    }

    private async Task<DealCommandResult> SaveAsync(DealCommand command, string kind, User actor, DealCommandResult result, CancellationToken ct)
    {
        db.AppliedCommands.Add(new AppliedCommand
        {
            Key = command.IdempotencyKey,
            Kind = kind,
            EntityId = command.DealId,
            UserId = actor.Id,
            AppliedAt = clock.UtcNow,
            Outcome = StoredOutcome.Write(result),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            LogApplied(command.DealId, kind, command.Channel);
            return result;
        }
        catch (DbUpdateException ex)
        {
            // Lost a race: another transaction changed the deal first (the version check matched no row), or a
            // retry of this very submission committed first (the key's primary key). Nothing of ours was saved.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(command.IdempotencyKey, ct) is { } replay) return replay;
            if (ex is not DbUpdateConcurrencyException) throw;
            LogLostRace(command.DealId, command.ExpectedVersion);
            return await StaleAsync(command.DealId, command.ExpectedVersion, ct);
        }
    }

    private async Task<DealCommandResult?> ReplayAsync(string key, CancellationToken ct)
    {
        var outcome = await db.AppliedCommands.AsNoTracking().Where(c => c.Key == key).Select(c => c.Outcome).FirstOrDefaultAsync(ct);
        return outcome is null ? null : StoredOutcome.Read(outcome);
    }

    private async Task<DealCommandResult> StaleAsync(string dealId, int expected, CancellationToken ct)
    {
        var version = await db.Deals.AsNoTracking().Where(d => d.Id == dealId).Select(d => d.Version).FirstOrDefaultAsync(ct);
        var since = await DealHistory.SinceAsync(db, dealId, expected, ct);
        return new DealCommandResult
        {
            Status = DealCommandStatus.Stale,
            Message = "This deal changed since you opened it, so nothing was saved. Check the latest values and try again.",
            Version = version,
            ChangedSince = since,
        };
    }

    private static DealCommandResult Invalid(IReadOnlyDictionary<string, string> errors, int version) => new()
    {
        Status = DealCommandStatus.Invalid,
        Message = errors.Count == 1 ? errors.Values.First() : "Some values need fixing: " + string.Join(" ", errors.Values),
        Errors = errors,
        Version = version,
    };

    private static DealCommandResult Fail(DealCommandStatus status, string message, int? version = null) =>
        new() { Status = status, Message = message, Version = version };

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal {DealId}: {Kind} applied from {Channel}.")]
    private partial void LogApplied(string dealId, string kind, ChangeChannel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal {DealId}: a concurrent change won; the command based on version {Version} was refused.")]
    private partial void LogLostRace(string dealId, int version);
}

using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Sources;

namespace RevBot.Core.Deals;

/// <summary>Logging an activity: a new row and its audit entry; the deal's own values and version stay as they are.</summary>
public sealed partial class DealCommandService
{
    private async Task<DealCommandResult> LogActivityAsync(DealCommand command, User actor, Deal deal, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new[] { ActivityType.Call, ActivityType.Email, ActivityType.Meeting, ActivityType.Note }.Select(EnumText.Format).ToList();
        if (!DealInput.TryPick(command.ActivityType ?? "", types, nameof(Catalog.DealPickActivityType), command.Language, out var typeText, out var typeError)) errors[DealFields.ActivityType] = typeError;
        var subject = command.Subject?.Trim() ?? "";
        if (subject.Length == 0) errors[DealFields.Subject] = Texts.Get(command.Language, nameof(Catalog.DealSubjectMissing));
        else if (subject.Length > DealFields.MaxSubject) errors[DealFields.Subject] = Texts.Get(command.Language, nameof(Catalog.DealSubjectTooLong), DealFields.MaxSubject);
        if (errors.Count > 0) return Invalid(errors, deal.Version, command.Language);

        var now = clock.UtcNow;
        var activity = new Activity
        {
            Id = $"act-{Guid.NewGuid():N}",
            Type = EnumText.Parse<ActivityType>(typeText),
            OccurredAt = now,
            DealId = deal.Id,
            AccountId = deal.AccountId,
            UserId = actor.Id,
            Subject = subject,
        };
        db.Activities.Add(activity);
        var write = CrmWriteQueue.AddActivity(db, deal, activity, actor, command.Channel, command.Language, now);
        db.AuditLog.Add(DealAudit.Entry(deal.Id, actor.Id, command.Channel, "activity",
            [new DealFieldChange(DealFields.ActivityType, null, typeText), new DealFieldChange(DealFields.Subject, null, subject)], deal.Version, now));
        var result = new DealCommandResult { Status = DealCommandStatus.Applied, Message = Texts.Get(command.Language, nameof(Catalog.DealAppliedLogged), DealText.ActivityName(typeText, command.Language), actor.Name), Version = deal.Version, ActorName = actor.Name };
        var saved = await SaveAsync(command, "deal.activity", actor, result, ct);
        return write is null || saved.Status != DealCommandStatus.Applied ? saved : await WriteBackAsync(command, write, saved, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using static RevBot.Core.Approvals.ApprovalText;

namespace RevBot.Core.Approvals;

/// <summary>
/// Holds a change that breaks an approval rule (<see cref="ApprovalRules"/>): instead of the change, a request is
/// saved and its card written to the outbox for the requester's manager (a direct message) and the deal-desk channel,
/// all in the command's own save. RevOps are the deal desk: their changes are never held.
/// </summary>
public sealed class ApprovalGate(RevBotDb db, IOptions<ApprovalOptions> options, IOptions<CompanyOptions> company) : IDealChangeGate
{
    public const string OutboxKind = "approval.request";

    public IReadOnlyList<Type> Writes { get; } = [typeof(ApprovalRequest), typeof(OutboxMessage)];

    public async Task<string?> HoldAsync(DealChangeProposal change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var settings = options.Value;
        if (!settings.AnyRule || change.Actor.Role == UserRole.Revops) return null;
        var reasons = ApprovalRules.Check(change.Before, change.After, change.Actor.Role, settings, company.Value);
        if (reasons.Count == 0) return null;

        var language = change.Command.Language;
        var manager = change.Actor.ManagerId is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        var desk = settings.DealDesk;
        var request = new ApprovalRequest
        {
            Key = Guid.NewGuid().ToString("N"),
            CommandKey = change.Command.IdempotencyKey,
            DealId = change.Deal.Id,
            RequesterId = change.Actor.Id,
            ApproverUserId = manager?.Id,
            ApproverChannel = desk?.ToString(),
            Change = ApprovalChange.Of(change.Command.Kind, change.Before, change.After).Write(),
            ExpectedVersion = change.Deal.Version,
            Reasons = ApprovalReason.Write(reasons),
            Language = language,
            CreatedAt = change.Now,
            RemindAt = change.Now.AddHours(settings.ReminderAfterHours),
        };
        db.ApprovalRequests.Add(request);
        if (manager is not null)
        {
            var managerLanguage = PersonLanguage.Resolve(manager.Language, manager.ChatLocale);
            db.Outbox.Add(ApprovalOutbox.ToPerson(OutboxKind, manager, ApprovalCards.Request(request, change.Deal, change.Actor.Name, managerLanguage), change.Now));
        }
        if (desk is not null)
            db.Outbox.Add(ApprovalOutbox.ToChannel(OutboxKind, desk, ApprovalCards.Request(request, change.Deal, change.Actor.Name, settings.Language), change.Now));

        var why = Reasons(reasons, change.Deal.Currency, language);
        var to = new List<string>();
        if (manager is not null) to.Add(manager.Name);
        if (desk is not null) to.Add(T(language, nameof(Catalog.ApprovalTheDealDesk)));
        return to.Count == 0
            ? T(language, nameof(Catalog.ApprovalHeldNoApprover), why)
            : T(language, nameof(Catalog.ApprovalHeld), why, string.Join(T(language, nameof(Catalog.ApprovalAnd)), to));
    }
}

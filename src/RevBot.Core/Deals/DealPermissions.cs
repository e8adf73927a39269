using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// Who may change a deal, checked on the server for every command (hidden buttons are a courtesy, not a control):
/// its owner; a manager whose reporting line (User.ManagerId, followed upwards) includes the owner; RevOps, any deal.
/// Everyone else (CS, marketing, finance, exec) is refused politely. Reopening a closed deal, or turning won into lost,
/// is for managers and RevOps only; so is merging records, and undoing a merge is for RevOps. A rule that says no
/// returns a <see cref="Refusal"/>; null means allowed.
/// </summary>
internal static class DealPermissions
{
    /// <summary>Deep enough for any real org chart, and a guard against a cycle in bad data.</summary>
    private const int MaxLevels = 10;

    /// <summary>The chat account is not a RevBot user; <paramref name="doing"/> names what they tried ("merge records").</summary>
    public static Refusal UnknownUser(string doing = "change deals") => new(RefusalReason.UnknownUser,
        $"I don't know who you are in RevBot, so I can't {doing} for you. Ask RevOps to add you as a RevBot user with " +
        "the e-mail address of your Slack or Teams account; RevBot links your chat account to it on your next message.");

    public static async Task<Refusal?> RefusalAsync(RevBotDb db, User actor, Deal deal, CancellationToken ct)
    {
        if (actor.Role == UserRole.Revops || (deal.OwnerId is { } owner && owner == actor.Id)) return null;
        if (actor.Role == UserRole.Manager && deal.OwnerId is { } reportId && await ManagesAsync(db, actor.Id, reportId, ct)) return null;
        if (deal.OwnerId is null) return new(RefusalReason.NoOwner, "Only RevOps can change a deal that has no owner. Nothing was changed.");
        var ownerName = await db.Users.Where(u => u.Id == deal.OwnerId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "its owner";
        return new(RefusalReason.NotOwner, $"Sorry, only {ownerName}, their manager or RevOps can change this deal. Nothing was changed.");
    }

    public static Refusal? ReopenRefusal(User actor) => actor.Role is UserRole.Manager or UserRole.Revops
        ? null
        : new(RefusalReason.Reopen, "Only a manager or RevOps can reopen a closed deal or change whether it was won or lost. Nothing was changed.");

    public static Refusal? MergeRefusal(User actor) => actor.Role is UserRole.Manager or UserRole.Revops
        ? null
        : new(RefusalReason.Merge, "Only managers and RevOps can merge records. Nothing was changed.");

    public static Refusal? UndoMergeRefusal(User actor) => actor.Role == UserRole.Revops
        ? null
        : new(RefusalReason.UndoMerge, "Only RevOps can undo a merge. Nothing was changed.");

    private static async Task<bool> ManagesAsync(RevBotDb db, int managerId, int userId, CancellationToken ct)
    {
        int? current = userId;
        for (var level = 0; level < MaxLevels && current is { } id; level++)
        {
            current = await db.Users.Where(u => u.Id == id).Select(u => u.ManagerId).FirstOrDefaultAsync(ct);
            if (current == managerId) return true;
        }
        return false;
    }
}

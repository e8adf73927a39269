using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
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

    /// <summary>
    /// The chat account is not a RevBot user; <paramref name="doing"/> names what they tried ("merge records"). The
    /// merger's own messages are still English-only; deal commands use <see cref="UnknownDealUser"/>.
    /// </summary>
    public static Refusal UnknownUser(string doing) => new(RefusalReason.UnknownUser,
        $"I don't know who you are in RevBot, so I can't {doing} for you. Ask RevOps to add you as a RevBot user with " +
        "the e-mail address of your Slack or Teams account; RevBot links your chat account to it on your next message.");

    /// <summary>The chat account is not a RevBot user and tried to change a deal, told in their language.</summary>
    public static Refusal UnknownDealUser(string language) => new(RefusalReason.UnknownUser, Texts.Get(language, nameof(Catalog.DealUnknownUser)));

    public static async Task<Refusal?> RefusalAsync(RevBotDb db, User actor, Deal deal, string language, CancellationToken ct)
    {
        if (actor.Role == UserRole.Revops || (deal.OwnerId is { } owner && owner == actor.Id)) return null;
        if (actor.Role == UserRole.Manager && deal.OwnerId is { } reportId && await ManagesAsync(db, actor.Id, reportId, ct)) return null;
        if (deal.OwnerId is null) return new(RefusalReason.NoOwner, Texts.Get(language, nameof(Catalog.DealRefusedNoOwner)));
        var ownerName = await db.Users.Where(u => u.Id == deal.OwnerId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? Texts.Get(language, nameof(Catalog.DealItsOwner));
        return new(RefusalReason.NotOwner, Texts.Get(language, nameof(Catalog.DealRefusedNotOwner), ownerName));
    }

    public static Refusal? ReopenRefusal(User actor, string language) => actor.Role is UserRole.Manager or UserRole.Revops
        ? null
        : new(RefusalReason.Reopen, Texts.Get(language, nameof(Catalog.DealRefusedReopen)));

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

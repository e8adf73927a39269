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
    /// The chat account is not a RevBot user, told in their language; <paramref name="textKey"/> is the sentence naming
    /// what they tried (<c>DataHealthUnknownMergeUser</c>: "… so I can't merge records for you …").
    /// </summary>
    public static Refusal UnknownUser(string language, string textKey) => new(RefusalReason.UnknownUser, Texts.Get(language, textKey));

    /// <summary>The chat account is not a RevBot user and tried to change a deal.</summary>
    public static Refusal UnknownDealUser(string language) => UnknownUser(language, nameof(Catalog.DealUnknownUser));

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

    public static Refusal? MergeRefusal(User actor, string language) => actor.Role is UserRole.Manager or UserRole.Revops
        ? null
        : new(RefusalReason.Merge, Texts.Get(language, nameof(Catalog.DataHealthRefusedMerge)));

    public static Refusal? UndoMergeRefusal(User actor, string language) => actor.Role == UserRole.Revops
        ? null
        : new(RefusalReason.UndoMerge, Texts.Get(language, nameof(Catalog.DataHealthRefusedUndo)));

    /// <summary>True when <paramref name="managerId"/> is above <paramref name="userId"/> in the reporting line.</summary>
    public static async Task<bool> ManagesAsync(RevBotDb db, int managerId, int userId, CancellationToken ct)
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

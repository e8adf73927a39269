using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// Who may change a deal, checked on the server for every command (hidden buttons are a courtesy, not a control):
/// its owner; a manager whose reporting line (User.ManagerId, followed upwards) includes the owner; RevOps, any deal.
/// Everyone else (CS, marketing, finance, exec) is refused politely. Reopening a closed deal, or turning won into lost,
/// is for managers and RevOps only.
/// </summary>
internal static class DealPermissions
{
    /// <summary>Deep enough for any real org chart, and a guard against a cycle in bad data.</summary>
    private const int MaxLevels = 10;

    public const string UnknownUser =
        "I don't know who you are in RevBot, so I can't change deals for you. Ask RevOps to add you as a RevBot user with " +
        "the e-mail address of your Slack or Teams account; RevBot links your chat account to it on your next message.";

    public static async Task<string?> RefusalAsync(RevBotDb db, User actor, Deal deal, CancellationToken ct)
    {
        if (actor.Role == UserRole.Revops || (deal.OwnerId is { } owner && owner == actor.Id)) return null;
        if (actor.Role == UserRole.Manager && deal.OwnerId is { } reportId && await ManagesAsync(db, actor.Id, reportId, ct)) return null;
        if (deal.OwnerId is null) return "Only RevOps can change a deal that has no owner. Nothing was changed.";
        var ownerName = await db.Users.Where(u => u.Id == deal.OwnerId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "its owner";
        return $"Sorry, only {ownerName}, their manager or RevOps can change this deal. Nothing was changed.";
    }

    public static string? ReopenRefusal(User actor) => actor.Role is UserRole.Manager or UserRole.Revops
        ? null
        : "Only a manager or RevOps can reopen a closed deal or change whether it was won or lost. Nothing was changed.";

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

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// The replay-and-actor path every command that changes records goes through (a deal command, a record merge), before
/// <see cref="DealPermissions"/> decides: a key already applied gets its stored outcome back and changes nothing; else
/// the acting RevBot user is looked up (none: <see cref="DealPermissions.UnknownUser"/>). An applied command's key is
/// saved with the change itself, so a twin delivery either finds it or loses on its primary key.
/// </summary>
internal static class CommandGate
{
    /// <summary>The outcome stored when <paramref name="key"/> was applied, or null for a command not seen before.</summary>
    public static Task<string?> StoredOutcomeAsync(RevBotDb db, string key, CancellationToken ct) =>
        db.AppliedCommands.AsNoTracking().Where(c => c.Key == key).Select(c => c.Outcome).FirstOrDefaultAsync(ct);

    /// <summary>The RevBot user acting, or null when the chat account is not one (or no user was given).</summary>
    public static async Task<User?> ActorAsync(RevBotDb db, int? userId, CancellationToken ct) =>
        userId is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;

    /// <summary>Adds the applied-command row (saved by the caller, in the change's transaction).</summary>
    public static void Record(RevBotDb db, string key, string kind, string entityId, User actor, DateTime at, string outcome) =>
        db.AppliedCommands.Add(new AppliedCommand { Key = key, Kind = kind, EntityId = entityId, UserId = actor.Id, AppliedAt = at, Outcome = outcome });
}

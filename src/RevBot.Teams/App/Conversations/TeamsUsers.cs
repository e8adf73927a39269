using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Teams.App.Conversations;

/// <summary>Finds the RevBot user behind a Teams account: Users.TeamsUserId holds the Entra object id or the "29:" id.</summary>
internal static class TeamsUsers
{
    public static async Task<User?> FindAsync(RevBotDb db, ChannelAccount? from, CancellationToken ct)
    {
        // The Entra object id is stable across tenants' bots; the 29: id is per bot, so it only comes second.
        foreach (var id in new[] { from?.AadObjectId, from?.Id })
        {
            if (string.IsNullOrEmpty(id)) continue;
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TeamsUserId == id, ct);
            if (user is not null) return user;
        }
        return null;
    }
}

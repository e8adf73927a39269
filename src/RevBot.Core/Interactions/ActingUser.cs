using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Core.Interactions;

/// <summary>The RevBot user behind an interaction: the id the adapter mapped, else the user with that e-mail, else nobody.</summary>
internal static class ActingUser
{
    public static async Task<int?> ResolveAsync(RevBotDb db, int? userId, string? email, CancellationToken ct)
    {
        if (userId is not null) return userId;
        if (string.IsNullOrWhiteSpace(email)) return null;
        return await db.Users.WithEmail(email).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
    }
}

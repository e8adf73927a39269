using Microsoft.EntityFrameworkCore;
using RevBot.Core.Localization;
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

    /// <summary>The user's own language (<see cref="PersonLanguage.Known"/>): null for nobody, or for someone RevBot knows no language of.</summary>
    public static async Task<string?> LanguageAsync(RevBotDb db, int? userId, CancellationToken ct)
    {
        if (userId is not { } id) return null;
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Language, u.ChatLocale }).FirstOrDefaultAsync(ct);
        return found is null ? null : PersonLanguage.Known(found.Language, found.ChatLocale);
    }
}

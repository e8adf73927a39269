using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Storage;

namespace RevBot.Core.People;

/// <summary>
/// The one rule for which language to write to a person in. A reply to a question is in the question's language (the
/// parser's; a Spanish question gets Spanish), so this is for everything with no question behind it (the Home tab,
/// buttons on cards that carry no language, "alert subscription turned off"): the person's own setting
/// (<see cref="User.Language"/>, "speak Spanish") — else the platform's locale for them, this turn's when the adapter has
/// it (Teams <c>activity.locale</c>, Slack <c>users.info</c> fetched fresh) else the last one stored
/// (<see cref="User.ChatLocale"/>) — else English.
/// </summary>
public static class PersonLanguage
{
    /// <summary>The setting when it is a language RevBot has texts for, else the locale's language, else English.</summary>
    public static string Resolve(string? setting, string? locale) =>
        setting is { Length: > 0 } s && Texts.Languages.Contains(s) ? s : Texts.LanguageOf(locale);

    /// <summary>The person's language, with <paramref name="turnLocale"/> (fresher than the stored locale) when the adapter has one.</summary>
    public static string Of(User user, string? turnLocale = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Resolve(user.Language, turnLocale ?? user.ChatLocale);
    }

    /// <summary>
    /// The language of the RevBot user with this id when RevBot knows one for them (a setting or a stored locale); null
    /// for an unknown user or one with neither, so the caller's own fallback (the card's, the channel's) still applies.
    /// </summary>
    public static async Task<string?> OfUserAsync(RevBotDb db, int? userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (userId is not { } id) return null;
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Language, u.ChatLocale }).FirstOrDefaultAsync(ct);
        return found is null || (string.IsNullOrEmpty(found.Language) && string.IsNullOrEmpty(found.ChatLocale)) ? null : Resolve(found.Language, found.ChatLocale);
    }
}

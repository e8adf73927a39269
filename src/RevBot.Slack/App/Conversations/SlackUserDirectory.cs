using Microsoft.EntityFrameworkCore;
using RevBot.Core.Localization;
using RevBot.Core.Storage;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// Maps a Slack user to a RevBot user: by the stored Slack user id, else by the email users.info gives (users:read.email),
/// which is then remembered so the next question needs no Slack call. users.info is asked for the user's locale too,
/// stored as <c>users.chat_locale</c>: the language of what RevBot writes them with no question behind it, until they
/// choose one (<see cref="PersonLanguage"/>).
/// </summary>
internal sealed class SlackUserDirectory(RevBotDb db, SlackApiClient slack)
{
    /// <returns>The RevBot user's email, or null when the Slack user is not a RevBot user.</returns>
    public async Task<string?> EmailForAsync(string? slackUserId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slackUserId)) return null;
        var known = await db.Users.Where(u => u.SlackUserId == slackUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return known ?? (await MapAsync(slackUserId, ct)).Email;
    }

    /// <summary>
    /// The person for a view nobody asked a question in (the Home tab): users.info is asked afresh, so a locale changed
    /// in Slack is seen, and stored; when Slack cannot be reached the stored one stands. An unmapped user gets their
    /// Slack locale's language and no email.
    /// </summary>
    public async Task<SlackPerson> PersonAsync(string slackUserId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(slackUserId);
        var user = await db.Users.FirstOrDefaultAsync(u => u.SlackUserId == slackUserId, ct);
        if (user is null) return await MapAsync(slackUserId, ct);
        var info = await slack.UserInfoAsync(new UserInfoRequest(slackUserId) { IncludeLocale = true }, ct);
        if (info.Ok && info.Value.User.Locale is { Length: > 0 } locale && locale != user.ChatLocale)
        {
            user.ChatLocale = Fit(locale);
            await db.SaveChangesAsync(ct);
        }
        return new SlackPerson(user.Email, PersonLanguage.Resolve(user.Language, user.ChatLocale));
    }

    private async Task<SlackPerson> MapAsync(string slackUserId, CancellationToken ct)
    {
        var info = await slack.UserInfoAsync(new UserInfoRequest(slackUserId) { IncludeLocale = true }, ct);
        var locale = info.Ok ? info.Value.User.Locale : null;
        var email = info.Ok ? info.Value.User.Profile?.Email : null;
        var user = string.IsNullOrWhiteSpace(email) ? null : await db.Users.WithEmail(email).FirstOrDefaultAsync(ct);
        if (user is null) return new SlackPerson(null, PersonLanguage.Resolve(null, locale));
        user.SlackUserId = slackUserId;
        if (locale is { Length: > 0 }) user.ChatLocale = Fit(locale);
        await db.SaveChangesAsync(ct);
        return new SlackPerson(user.Email, PersonLanguage.Resolve(user.Language, user.ChatLocale));
    }

    /// <summary>A locale is a short tag ("es-ES"); anything longer is not one and is cut to the column.</summary>
    private static string Fit(string locale) => locale.Length <= 32 ? locale : locale[..32];
}

/// <summary>A Slack user as RevBot knows them: their RevBot email (null when unmapped) and the language to write to them in.</summary>
internal sealed record SlackPerson(string? Email, string Language);

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// Maps a Slack user to a RevBot user: by the stored Slack user id, else by the email users.info gives (users:read.email),
/// which is then remembered so the next question needs no Slack call.
/// </summary>
internal sealed class SlackUserDirectory(RevBotDb db, SlackApiClient slack)
{
    /// <returns>The RevBot user's email, or null when the Slack user is not a RevBot user.</returns>
    public async Task<string?> EmailForAsync(string? slackUserId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slackUserId)) return null;
        var known = await db.Users.Where(u => u.SlackUserId == slackUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (known is not null) return known;

        var info = await slack.UserInfoAsync(new UserInfoRequest(slackUserId), ct);
        var email = info.Ok ? info.Value.User.Profile?.Email : null;
        if (string.IsNullOrWhiteSpace(email)) return null;
        var user = await db.Users.WithEmail(email).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        user.SlackUserId = slackUserId;
        await db.SaveChangesAsync(ct);
        return user.Email;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// Maps the Teams user behind an activity to a RevBot user: by the stored <c>Users.TeamsUserId</c> (Entra object id, else
/// the "29:" id), else by the email Teams' roster gives for them (<c>GET …/conversations/{id}/members/{userId}</c>, the team's
/// roster in a channel), which is then remembered on the user so the next question needs no roster call. The activity's
/// locale is remembered too (<c>users.chat_locale</c>), when it changes: the language of what RevBot later writes the
/// person with no activity behind it ("alert subscription turned off"), until they choose one. Scoped.
/// </summary>
public sealed partial class TeamsUserDirectory(RevBotDb db, ConnectorClient connector, ILogger<TeamsUserDirectory> log)
{
    /// <returns>The RevBot user, or null when the Teams user is not one (or Teams could not say who they are).</returns>
    public async Task<User?> FindAsync(BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var known = await TeamsUsers.FindAsync(db, activity.From, ct);
        if (known is not null)
        {
            if (Locale(activity) is { } locale && locale != known.ChatLocale)
            {
                await db.Users.Where(u => u.Id == known.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ChatLocale, locale), ct);
                known.ChatLocale = locale;
            }
            return known;
        }

        var teamsId = activity.From?.Id;
        if (string.IsNullOrEmpty(teamsId) || activity.ServiceUrl is null || activity.Conversation?.Id is null) return null;
        // In a channel the roster is the team's (as in the Bot Framework SDK's TeamsInfo.GetMemberAsync); elsewhere the chat's.
        var roster = new ConversationAddress(activity.ServiceUrl, activity.ChannelData?.Team?.Id ?? activity.Conversation.Id);
        var member = await connector.GetMemberAsync(roster, teamsId, ct);
        if (!member.Succeeded) return null;
        var email = FirstNonBlank(member.Value?.Email, member.Value?.UserPrincipalName);
        if (email is null) return null;

        var user = await db.Users.WithEmail(email).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        // Remember the id the next activity will be looked up by (the same order as TeamsUsers.FindAsync).
        user.TeamsUserId = FirstNonBlank(activity.From!.AadObjectId, teamsId);
        user.ChatLocale = Locale(activity) ?? user.ChatLocale;
        await db.SaveChangesAsync(ct);
        LogMapped(log, user.Id);
        return user;
    }

    /// <summary>The activity's locale ("es-ES"), cut to the column; null when Teams sent none.</summary>
    private static string? Locale(BotActivity activity) => activity.Locale is { Length: > 0 } l ? l[..Math.Min(l.Length, 32)] : null;

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: a Teams user was mapped to RevBot user {UserId} by their roster email and remembered.")]
    private static partial void LogMapped(ILogger logger, int userId);
}

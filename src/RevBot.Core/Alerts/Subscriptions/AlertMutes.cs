using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>
/// A person's own direct-message mutes (<c>alert_mutes</c>), written the same way by the chat command ("mute stalled
/// alerts") and by the Home tab's Mute / Unmute buttons. Mutes affect direct messages only, never channels.
/// </summary>
public sealed class AlertMutes(RevBotDb db, CompanyClock clock)
{
    /// <summary>
    /// Mutes or unmutes <paramref name="kinds"/> for the user. Muting what is already muted (a double click, two
    /// instances) changes nothing: the insert skips an existing (user, kind) row instead of failing on it.
    /// </summary>
    public async Task SetAsync(int userId, IReadOnlyCollection<AlertKind> kinds, bool muted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var texts = kinds.Distinct().Select(EnumText.Format).ToList();
        if (!muted)
        {
            await db.AlertMutes.Where(m => m.UserId == userId && texts.Contains(m.Kind)).ExecuteDeleteAsync(ct);
            return;
        }
        var now = clock.UtcNow;
        foreach (var kind in texts)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO alert_mutes (user_id, kind, created_at) VALUES ({userId}, {kind}, {now}) ON CONFLICT DO NOTHING", ct);
    }

    /// <summary>A Mute / Unmute button: the value is the kind. The reply says what changed, for the adapter to show.</summary>
    public async Task<Reply> PressAsync(string actionId, string value, int? userId, CancellationToken ct)
    {
        var muted = actionId == AlertActionIds.Mute;
        if ((!muted && actionId != AlertActionIds.Unmute) || !EnumText.TryParse<AlertKind>(value, out var kind))
            return Refused("Not understood", "RevBot doesn't know that button.");
        if (userId is not { } id || !await db.Users.AnyAsync(u => u.Id == id, ct))
            return Refused("Who are you?", "RevBot doesn't know who you are, so it can't change your alerts.");
        await SetAsync(id, [kind], muted, ct);
        var what = DirectMessagesOf(kind);
        var text = muted ? $"Muted: you won't get direct messages about {what}. Channels still get them." : $"Unmuted: you'll get direct messages about {what} again.";
        return new Reply { Kind = ReplyKind.Card, Title = muted ? "Muted" : "Unmuted", Text = text, Notice = text };
    }

    /// <summary>"stalled deals", "churn risk": how the kind reads after "direct messages about".</summary>
    internal static string DirectMessagesOf(AlertKind kind) => kind == AlertKind.StalledDeal ? "stalled deals" : "churn risk";

    private static Reply Refused(string title, string text) => new() { Kind = ReplyKind.Refused, Title = title, Text = text };
}

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
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
    /// <param name="language">The presser's language ("en" when the adapter does not know it).</param>
    public async Task<Reply> PressAsync(string actionId, string value, int? userId, string? language, CancellationToken ct)
    {
        language ??= Texts.Neutral;
        var muted = actionId == AlertActionIds.Mute;
        if ((!muted && actionId != AlertActionIds.Unmute) || !EnumText.TryParse<AlertKind>(value, out var kind))
            return Refused(Texts.Get(language, nameof(Catalog.AlertNotUnderstoodTitle)), Texts.Get(language, nameof(Catalog.AlertButtonUnknown)));
        if (userId is not { } id || !await db.Users.AnyAsync(u => u.Id == id, ct))
            return Refused(Texts.Get(language, nameof(Catalog.AlertWhoAreYouTitle)), Texts.Get(language, nameof(Catalog.AlertWhoAreYou)));
        await SetAsync(id, [kind], muted, ct);
        var what = AlertCommands.Kinds([kind], language);
        var text = Texts.Get(language, muted ? nameof(Catalog.AlertMutedNotice) : nameof(Catalog.AlertUnmutedNotice), what);
        var title = Texts.Get(language, muted ? nameof(Catalog.AlertMutedTitle) : nameof(Catalog.AlertUnmutedTitle));
        return new Reply { Kind = ReplyKind.Card, Title = title, Text = text, Notice = text };
    }

    private static Reply Refused(string title, string text) => new() { Kind = ReplyKind.Refused, Title = title, Text = text };
}

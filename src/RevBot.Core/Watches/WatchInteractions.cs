using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Watches;

/// <summary>
/// Stop, Snooze 1 day and Snooze 1 week on a fired watch's message. Who may press: the watch's owner; for a watch
/// told in a channel, also anyone pressing in that channel (the people it tells). Each press of a button on one
/// message is one command (<see cref="CommandGate"/>, keyed by the message's nonce): a second delivery changes nothing
/// and gets the first one's outcome, privately. A done press is posted beside the message, so a channel sees who
/// stopped or snoozed its watch; refusals go to the presser only. In the presser's language, else the message's.
/// </summary>
public sealed class WatchInteractions(RevBotDb db, CompanyClock clock)
{
    public async Task<Reply> PressAsync(CardPress press, int? userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(press);
        var decoded = ReplyFormState.TryDecode(press.Value, out var state);
        var lang = Texts.LanguageOf(press.PresserLanguage ?? (decoded ? state.Language : null));
        if (!decoded || !long.TryParse(state.RecordId, out var id)) return Refused(lang, nameof(Catalog.WatchPressGone));
        TimeSpan? snooze = press.ActionId switch
        {
            WatchActionIds.SnoozeDay => TimeSpan.FromDays(1),
            WatchActionIds.SnoozeWeek => TimeSpan.FromDays(7),
            _ => null,
        };
        if (snooze is null && press.ActionId != WatchActionIds.Stop) return Refused(lang, nameof(Catalog.DealButtonUnknown));
        var key = $"{press.ActionId}:{id}:{state.IdempotencyKey}";
        if (await CommandGate.StoredOutcomeAsync(db, key, ct) is { } stored) return Replayed(stored);
        if (await CommandGate.ActorAsync(db, userId, ct) is not { } actor) return Refused(lang, nameof(Catalog.WatchPressWhoAreYou));
        var watch = await db.Watches.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (watch is null) return Refused(lang, nameof(Catalog.WatchPressGone));
        if (!MayChange(watch, actor, press))
        {
            var owner = await db.Users.Where(u => u.Id == watch.OwnerUserId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            return Refused(lang, nameof(Catalog.WatchPressNotYours), owner ?? "?");
        }
        if (watch.StoppedAt is not null) return Refused(lang, nameof(Catalog.WatchPressAlreadyStopped), watch.Text);

        var now = clock.UtcNow;
        Reply reply;
        if (snooze is { } span)
        {
            watch.SnoozedUntil = now + span;
            var until = Formats.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now + span, clock.Zone)), lang, DateStyle.Long);
            reply = Done(lang, nameof(Catalog.WatchSnoozedTitle), Texts.Get(lang, nameof(Catalog.WatchPressSnoozed), actor.Name, watch.Id, until, watch.Text));
        }
        else
        {
            watch.StoppedAt = now;
            reply = Done(lang, nameof(Catalog.WatchStoppedTitle), Texts.Get(lang, nameof(Catalog.WatchPressStopped), actor.Name, watch.Id, watch.Text));
        }
        // The applied-command row is saved with the change: a twin delivery finds it, or loses on its primary key.
        CommandGate.Record(db, key, press.ActionId, watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), actor, now, ReplyJson.Serialize(reply));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await CommandGate.StoredOutcomeAsync(db, key, ct) is { } twin) return Replayed(twin);
            throw;
        }
        return reply;
    }

    /// <summary>The owner always; for a channel watch, whoever presses in that channel, on that platform.</summary>
    private static bool MayChange(Watch watch, User actor, CardPress press) =>
        watch.OwnerUserId == actor.Id
        || watch.ChannelId.Length > 0 && press.ChannelId == watch.ChannelId && Platform(press.Channel) == watch.Platform;

    private static ChatPlatform? Platform(ChangeChannel channel) => channel switch
    {
        ChangeChannel.Slack => ChatPlatform.Slack,
        ChangeChannel.Teams => ChatPlatform.Teams,
        _ => null,
    };

    private static Reply Done(string lang, string titleKey, string text) =>
        new() { Kind = ReplyKind.Answer, Language = lang, Title = Texts.Get(lang, titleKey), Text = text, InNewMessage = true };

    /// <summary>A second delivery: what the first one did, told to the presser only; nothing is posted again.</summary>
    private static Reply Replayed(string stored) => ReplyJson.Deserialize(stored) with { Kind = ReplyKind.Refused, InNewMessage = false };

    private static Reply Refused(string lang, string key, params object?[] args) =>
        new() { Kind = ReplyKind.Refused, Language = lang, Title = Texts.Get(lang, nameof(Catalog.WatchPressRefusedTitle)), Text = Texts.Get(lang, key, args) };
}

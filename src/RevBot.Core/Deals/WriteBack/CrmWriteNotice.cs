using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// Tells the person who made a change its CRM rejected later (the background retries' answer), in a direct message
/// through the chat outbox: the deal card as it is now, with on top what happened, in the language of the conversation
/// the change came from (else theirs, <see cref="PersonLanguage"/>). It goes to the chat the change came from; a change
/// from the API or the CLI goes to the chat the person is known on.
/// </summary>
internal static class CrmWriteNotice
{
    public const string OutboxKind = "crm.write";

    public static async Task AddAsync(RevBotDb db, DealCards cards, CrmWrite row, CrmWriteUndone undo, CrmWriteRejection rejection, int userId, DateTime now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return;
        var language = row.Language is { Length: > 0 } l && Texts.Languages.Contains(l) ? l : PersonLanguage.Resolve(user.Language, user.ChatLocale);
        var crm = CrmNames.Of(row.System, language);
        var activity = undo.Changes.Activity;
        var notice = (rejection.Outcome, activity) switch
        {
            (CrmWriteOutcome.Conflict, _) => Texts.Get(language, nameof(Catalog.CrmWriteConflict), crm),
            (CrmWriteOutcome.Refused, { } a) => Texts.Get(language, nameof(Catalog.CrmWriteActivityRefused), crm, DealText.ActivityName(a.Type, language), a.Subject, CrmNames.Errors(rejection.FieldErrors, language)),
            (CrmWriteOutcome.Refused, null) => Texts.Get(language, nameof(Catalog.CrmWriteRefused), crm, CrmNames.Errors(rejection.FieldErrors, language)),
            _ => Texts.Get(language, nameof(Catalog.CrmWriteGone), crm),
        };
        var reply = await cards.CardAsync(row.DealId, notice, language, ct)
            ?? new Reply { Kind = ReplyKind.Card, Title = row.DealId, Text = notice };
        var platform = undo.Changes.Channel switch
        {
            ChangeChannel.Slack => ChatPlatform.Slack,
            ChangeChannel.Teams => ChatPlatform.Teams,
            _ => user.SlackUserId is null && user.TeamsUserId is not null ? ChatPlatform.Teams : ChatPlatform.Slack,
        };
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind, Platform = platform, ChannelId = "", RecipientUserId = userId,
            Payload = ReplyJson.Serialize(reply with { Language = language, InNewMessage = false }), CreatedAt = now, AvailableAt = now,
        });
    }
}

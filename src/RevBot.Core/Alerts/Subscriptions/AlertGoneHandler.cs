using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>
/// An alert could not be posted because its channel is gone (archived, deleted, bot removed): that channel's alert
/// subscriptions are turned off, and whoever created each one gets a direct message saying so, in their own language
/// (<see cref="PersonLanguage"/>), in one SaveChanges. It opens no transaction of its own: the dispatcher runs it inside
/// the one that marks the row gone, so both commit together. Messages to people, and other features' messages, are not ours.
/// </summary>
public sealed class AlertGoneHandler(RevBotDb db, CompanyClock clock, IOptions<CompanyOptions> company) : IOutboxGoneHandler
{
    public async Task OnGoneAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != AlertRouter.OutboxKind || message.ChannelId.Length == 0) return;
        var now = clock.UtcNow;
        var active = await db.AlertSubscriptions.Where(s => s.Platform == message.Platform && s.ChannelId == message.ChannelId && s.Active).ToListAsync(ct);
        if (active.Count == 0) return;
        foreach (var s in active) (s.Active, s.DisabledReason, s.DisabledAt) = (false, "channel archived or removed", now);
        var creatorIds = active.Select(s => s.CreatedByUserId).OfType<int>().Distinct().ToList();
        var creators = await db.Users.AsNoTracking().Where(u => creatorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var owners = await AlertCommands.OwnerNamesAsync(db, active, ct);
        foreach (var creator in active.Where(s => s.CreatedByUserId is not null).GroupBy(s => s.CreatedByUserId!.Value))
        {
            // Nobody asked: the creator's own language (PersonLanguage), English for one RevBot no longer knows.
            var language = creators.TryGetValue(creator.Key, out var user) ? PersonLanguage.Resolve(user.Language, user.ChatLocale) : Texts.Neutral;
            var what = string.Join("; ", creator.Select(s => AlertCommands.Describe(s, language, company.Value.Currency, owners)));
            var reply = new Reply
            {
                Title = Texts.Get(language, nameof(Catalog.AlertGoneTitle)),
                Text = Texts.Get(language, nameof(Catalog.AlertGoneText), EnumText.Format(message.Platform), message.ChannelId, what),
                Language = language,
            };
            db.Outbox.Add(new OutboxMessage
            {
                Kind = AlertRouter.OutboxKind, Platform = message.Platform, ChannelId = "", RecipientUserId = creator.Key,
                Payload = ReplyJson.Serialize(reply), CreatedAt = now, AvailableAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}

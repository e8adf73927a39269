using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Handoffs;

/// <summary>
/// "Claim onboarding": the first claim of a deal's hand-off records who took it, with one conditional UPDATE
/// (<c>WHERE claimed_by_user_id IS NULL</c>), so two people pressing together cannot both get it; later presses are
/// told who has it. The card stays in the channel's language (<see cref="HandoffOptions.Language"/>); what only the
/// presser sees is in theirs when the adapter knows it.
/// </summary>
public sealed class HandoffClaims(RevBotDb db, CompanyClock clock, IOptions<HandoffOptions> options)
{
    public async Task<Reply> ClaimAsync(string dealId, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        var channelLanguage = options.Value.Language;
        var mine = language ?? channelLanguage;
        Reply Refused(string title, string text, params object?[] args) => DealReplies.Refused(Texts.Get(mine, title), Texts.Get(mine, text, args));
        var user = userId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct) : null;
        if (user is null) return Refused(nameof(Catalog.HandoffWhoAreYouTitle), nameof(Catalog.HandoffUnknownUser));
        var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal is null) return Refused(nameof(Catalog.HandoffNotFoundTitle), nameof(Catalog.HandoffGone));

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Handoffs
            .Where(h => h.DealId == dealId && h.Kind == HandoffKinds.Onboarding && h.ClaimedByUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ClaimedByUserId, user.Id).SetProperty(h => h.ClaimedAt, now), ct);
        if (claimed == 1)
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = now, UserId = user.Id, Channel = channel, Entity = "handoff", EntityId = dealId, Action = "claim",
                Changes = new JsonObject { ["claimedBy"] = new JsonArray(null, user.Name) }.ToJsonString(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return await CardAsync(deal, Texts.Get(channelLanguage, nameof(Catalog.HandoffClaimedBy), user.Name), channelLanguage, ct);
        }
        await transaction.RollbackAsync(ct);

        var existing = await db.Handoffs.AsNoTracking().Where(h => h.DealId == dealId && h.Kind == HandoffKinds.Onboarding)
            .Select(h => new { h.ClaimedByUserId, h.ClaimedAt, Name = db.Users.Where(u => u.Id == h.ClaimedByUserId).Select(u => u.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (existing is null) return Refused(nameof(Catalog.HandoffNotFoundTitle), nameof(Catalog.HandoffNoOnboarding));
        // " 3 days ago" in the language of the sentence it ends.
        string When(string language) => existing.ClaimedAt is { } at ? " " + DealText.Ago(at, now, language) : "";
        if (existing.ClaimedByUserId == user.Id) return await CardAsync(deal, Texts.Get(channelLanguage, nameof(Catalog.HandoffYouClaimed), When(channelLanguage)), channelLanguage, ct);
        return Refused(nameof(Catalog.HandoffAlreadyClaimedTitle), nameof(Catalog.HandoffAlreadyClaimed), existing.Name ?? Texts.Get(mine, nameof(Catalog.HandoffSomeone)), When(mine));
    }

    private async Task<Reply> CardAsync(Deal deal, string notice, string language, CancellationToken ct)
    {
        var card = HandoffComposer.Won(await HandoffDeal.LoadAsync(db, deal, ct), language);
        return card with { Notice = notice, Actions = [new ReplyAction(DealActionIds.Open, Texts.Get(language, nameof(Catalog.HandoffOpenDeal)), deal.Id)] };
    }
}

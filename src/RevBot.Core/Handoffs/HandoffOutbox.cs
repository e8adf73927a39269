using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Handoffs;

/// <summary>
/// Adds the hand-off rows for a deal whose status just changed to the context, so they are saved in the same
/// transaction as the change: won → a hand-off to claim and a card for the region's or segment's customer-success
/// channel; lost for a pricing reason → a note for marketing. Nothing is added when no channel is configured.
/// </summary>
internal static class HandoffOutbox
{
    public static async Task AddAsync(RevBotDb db, Deal deal, DealStatus before, string stageBefore, HandoffOptions options, DateTime now, CancellationToken ct)
    {
        if (deal.Status == before || deal.Status == DealStatus.Open) return;
        var d = await HandoffDeal.LoadAsync(db, deal, ct);
        if (deal.Status == DealStatus.Won)
        {
            if (options.CustomerSuccessFor(d.Region, d.Segment) is not { } target) return;
            // A deal won again after a reopen was handed off already: one onboarding per deal.
            if (await db.Handoffs.AnyAsync(h => h.DealId == deal.Id && h.Kind == HandoffKinds.Onboarding, ct)) return;
            db.Handoffs.Add(new Handoff { DealId = deal.Id, Kind = HandoffKinds.Onboarding, CreatedAt = now });
            db.Outbox.Add(Message(HandoffKinds.WonMessage, target, HandoffComposer.Won(d, options.Language), now));
        }
        else if (options.PricingFeedbackFor(deal.LossReason) is { } target)
        {
            db.Outbox.Add(Message(HandoffKinds.PricingMessage, target, HandoffComposer.Pricing(d, stageBefore, options.Language), now));
        }
    }

    /// <summary>
    /// A win taken back (its CRM refused it) withdraws its onboarding hand-off: the hand-off is removed (a later win
    /// hands off again), and the customer-success channel's card is dropped if no attempt to post it was made yet;
    /// otherwise the channel is told, in its language, after the card (one conversation's messages go in order). A loss
    /// taken back withdraws its pricing note the same way.
    /// </summary>
    public static async Task WithdrawAsync(RevBotDb db, Deal deal, DealStatus undone, HandoffOptions options, DateTime now, CancellationToken ct)
    {
        if (undone == DealStatus.Lost && deal.Status != DealStatus.Lost)
        {
            await WithdrawPricingAsync(db, deal, options, now, ct);
            return;
        }
        if (undone != DealStatus.Won || deal.Status == DealStatus.Won) return;
        var handoff = await db.Handoffs.FirstOrDefaultAsync(h => h.DealId == deal.Id && h.Kind == HandoffKinds.Onboarding, ct);
        if (handoff is null) return;
        db.Handoffs.Remove(handoff);
        var d = await HandoffDeal.LoadAsync(db, deal, ct);
        if (options.CustomerSuccessFor(d.Region, d.Segment) is not { } target) return;
        // The card of this hand-off: written with it, never tried (a claim counts an attempt first, so one in flight is not matched).
        var quoted = System.Text.Json.JsonSerializer.Serialize(deal.Id);
        var dropped = await db.Outbox.Where(m => m.Kind == HandoffKinds.WonMessage && m.Platform == target.Platform && m.ChannelId == target.ChannelId
                && m.RecipientUserId == null && m.CreatedAt == handoff.CreatedAt && m.SentAt == null && m.FailedAt == null && m.Attempts == 0
                && m.Payload.Contains(quoted))
            .ExecuteDeleteAsync(ct);
        if (dropped > 0) return;
        var claimer = handoff.ClaimedByUserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        db.Outbox.Add(Message(HandoffKinds.WithdrawnMessage, target, HandoffComposer.Withdrawn(d, claimer, options.Language), now));
    }

    /// <summary>
    /// A loss taken back (its CRM refused it) withdraws its pricing note: the note is dropped if no attempt to post it
    /// was made yet; otherwise marketing's channel is told the deal is not lost after all, after the note.
    /// </summary>
    private static async Task WithdrawPricingAsync(RevBotDb db, Deal deal, HandoffOptions options, DateTime now, CancellationToken ct)
    {
        // The loss's note names the deal in its "open the deal" button; the latest one is this loss's.
        var quoted = System.Text.Json.JsonSerializer.Serialize(deal.Id);
        var note = await db.Outbox.Where(m => m.Kind == HandoffKinds.PricingMessage && m.RecipientUserId == null && m.Payload.Contains(quoted))
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (note is null || note.FailedAt is not null) return;
        if (note.SentAt is null && note.Attempts == 0)
        {
            // Never tried (a claim counts an attempt first, so one in flight is not deleted under its sender).
            if (await db.Outbox.Where(m => m.Id == note.Id && m.SentAt == null && m.Attempts == 0).ExecuteDeleteAsync(ct) > 0) return;
        }
        var d = await HandoffDeal.LoadAsync(db, deal, ct);
        var target = new ChannelTarget(note.Platform, note.ChannelId!);
        db.Outbox.Add(Message(HandoffKinds.PricingWithdrawnMessage, target, HandoffComposer.PricingWithdrawn(d, options.Language), now));
    }

    private static OutboxMessage Message(string kind, ChannelTarget target, Reply reply, DateTime now) => new()
    {
        Kind = kind,
        Platform = target.Platform,
        ChannelId = target.ChannelId,
        Payload = ReplyJson.Serialize(reply),
        CreatedAt = now,
        AvailableAt = now,
    };
}

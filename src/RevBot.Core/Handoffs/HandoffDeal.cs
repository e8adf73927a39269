using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Handoffs;

/// <summary>What a hand-off says about the deal: the deal's own values (as about to be saved) plus its account and owner.</summary>
internal sealed record HandoffDeal(
    string Id, string Name, string? Account, string? Region, string? Segment, decimal Amount, string Currency,
    string? Product, string? Owner, string? NextStep, string? LossReason)
{
    public static async Task<HandoffDeal> LoadAsync(RevBotDb db, Deal deal, CancellationToken ct)
    {
        var account = deal.AccountId is { } accountId
            ? await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Name, a.Region, a.Segment }).FirstOrDefaultAsync(ct)
            : null;
        var owner = deal.OwnerId is { } ownerId ? await db.Users.Where(u => u.Id == ownerId).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        return new HandoffDeal(deal.Id, deal.Name ?? deal.Id, account?.Name, account?.Region, account?.Segment, deal.Amount, deal.Currency,
            deal.Product, owner, deal.NextStep, deal.LossReason);
    }
}

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;
using RevBot.Tests.Alerts;

namespace RevBot.Tests.Conversation;

[CollectionDefinition(Name)]
public sealed class FindingConditionsCollection : ICollectionFixture<FindingConditionsDatabase>
{
    public const string Name = "finding-conditions";
}

/// <summary>
/// <see cref="AlertDataset"/> with regions, products and sizes on top, so the finding lists have something to narrow:
/// Acme (West) holds seven of the stalled deals, Stalled Renewal (East) one and Birch (no region, no owner) one;
/// three of Acme's deals are GTX Basic, four GTX Pro, the other two have no product. Usage Falls (West) pays
/// 10,000 a month (ARR 120,000), Tickets Open (East) 5,000 (ARR 60,000), Everything Co is East and Unhappy Central.
/// None of it changes what the scan finds: no rule reads a region, a product or the size of a payment.
/// </summary>
public sealed class FindingConditionsDatabase() : AlertsDatabase(SeedAsync)
{
    public static readonly string[] GtxBasic = ["stuck", "quiet", "late"];
    public static readonly string[] GtxPro = ["stuck-floor", "never", "pushed", "cut"];

    private static async Task SeedAsync(RevBotDb db)
    {
        await AlertDataset.SeedAsync(db);
        var regions = new Dictionary<string, string> { ["acc-acme"] = "West", ["acc-stalled-renewal"] = "East", ["acc-usage"] = "West", ["acc-tickets"] = "East", ["acc-everything"] = "East", ["acc-unhappy"] = "Central" };
        foreach (var account in await db.Accounts.Where(a => regions.Keys.Contains(a.Id)).ToListAsync())
            account.Region = regions[account.Id];
        foreach (var deal in await db.Deals.Where(d => GtxBasic.Contains(d.Id) || GtxPro.Contains(d.Id)).ToListAsync())
            deal.Product = GtxBasic.Contains(deal.Id) ? "GTX Basic" : "GTX Pro";
        var mrr = new Dictionary<string, decimal> { ["acc-usage"] = 10_000m, ["acc-tickets"] = 5_000m };
        foreach (var subscription in await db.Subscriptions.Where(s => mrr.Keys.Contains(s.AccountId)).ToListAsync())
            subscription.Mrr = mrr[subscription.AccountId];
        await db.SaveChangesAsync();
    }
}

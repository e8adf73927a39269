using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Sources.WriteBack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// The write-back claim on PostgreSQL with two instances claiming at the same time: every write is claimed exactly
/// once, and a deal's later write only after its earlier one is done.
/// </summary>
public sealed class WriteBackClaimTests
{
    private const int Deals = 60;
    private const int WritesPerDeal = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_claim_every_write_exactly_once_and_each_deal_in_order()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        var now = DateTime.UtcNow;
        await using (var db = database.NewContext())
        {
            for (var d = 0; d < Deals; d++) db.Deals.Add(new Deal { Id = $"hubspot:{d}", Stage = "Proposal", Amount = d });
            await db.SaveChangesAsync(Ct);
            // Interleaved, so one deal's writes are not next to each other in id order.
            for (var n = 0; n < WritesPerDeal; n++)
                for (var d = 0; d < Deals; d++)
                    db.CrmWrites.Add(new CrmWrite { System = SourceSystem.Hubspot, DealId = $"hubspot:{d}", Changes = Amount(n), CreatedAt = now, AvailableAt = now.AddMinutes(-1) });
            await db.SaveChangesAsync(Ct);
        }
        var order = new ConcurrentQueue<long>();

        var claimed = await Task.WhenAll(DrainAsync(database, order), DrainAsync(database, order));

        Assert.Equal(Deals * WritesPerDeal, claimed.Sum());
        Assert.All(claimed, c => Assert.True(c > 0, "Both instances should have claimed writes."));
        var sequence = order.ToList();
        Assert.Equal(sequence.Count, sequence.Distinct().Count());
        await using var check = database.NewContext();
        var writes = await check.CrmWrites.AsNoTracking().ToListAsync(Ct);
        Assert.All(writes, w => Assert.Equal(1, w.Attempts));
        foreach (var deal in writes.GroupBy(w => w.DealId))
        {
            var ids = deal.OrderBy(w => w.Id).Select(w => w.Id).ToList();
            Assert.Equal(ids, ids.OrderBy(sequence.IndexOf).ToList());
        }
    }

    private static string Amount(int n) =>
        new CrmWriteChanges { Fields = new Dictionary<string, string?> { ["amount"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) } }.Serialize();

    /// <summary>Claims small batches and marks each claimed write done, as a dispatcher whose CRM answers at once.</summary>
    private static async Task<int> DrainAsync(TestDatabase database, ConcurrentQueue<long> order)
    {
        var total = 0;
        while (true)
        {
            await using var db = database.NewContext();
            var now = DateTime.UtcNow;
            var rows = await CrmWriteClaims.ClaimAsync(db, now, now.AddMinutes(5), 7, null, Ct);
            if (rows.Count == 0)
            {
                // Nothing claimable may only mean the other instance holds the heads: stop once nothing is left at all.
                if (!await db.CrmWrites.AnyAsync(w => w.DoneAt == null, Ct)) return total;
                await Task.Yield();
                continue;
            }
            foreach (var row in rows)
            {
                order.Enqueue(row.Id);
                Assert.Equal(1, await CrmWriteRecorder.Held(db, row).ExecuteUpdateAsync(s => s.SetProperty(w => w.DoneAt, now), Ct));
            }
            total += rows.Count;
        }
    }
}

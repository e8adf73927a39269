using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Deals;
using RevBot.Core.Deals.WriteBack;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// The discount from HubSpot's custom deal property (Sources:Hubspot:DiscountProperty): the sync reads it into the
/// deal's discount; a discount set in chat (the update form's field, the same command) reaches HubSpot as one PATCH of
/// that property; without the setting the change is refused before anything is sent and undone locally.
/// </summary>
public sealed class WriteBackHubspotDiscountTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_discount_is_read_by_the_sync_and_a_change_from_chat_is_written_back(DbProvider provider)
    {
        var time = new FakeTimeProvider(DealWorld.Now);
        await using var h = await HubspotWriteBack.StartAsync(provider, time, new Dictionary<string, string?> { ["Sources:Hubspot:DiscountProperty"] = "discount_percent" });
        h.ChangeInHubspot("discount_percent", "7.5");
        await h.SyncAsync();
        var synced = await h.World.DealAsync(h.DealId);
        Assert.Equal(7.5m, synced.Discount);
        // The fake's deal has no HubSpot owner, so the synced copy has none either: RevOps may change it.
        var rita = await h.World.UserIdAsync(DealWorld.Rita);

        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rita, synced.Version, new DealFieldChanges { Discount = "12.5" }));

        Assert.True(result.Crm == CrmWriteOutcome.Written, $"{result.Status} {result.Crm}: {result.Message}");
        var patch = Assert.Single(h.Patches);
        var properties = JsonNode.Parse(patch.Body)!["properties"]!.AsObject();
        Assert.Equal(["discount_percent"], properties.Select(p => p.Key));
        Assert.Equal("12.5", properties["discount_percent"]!.GetValue<string>());
        Assert.Equal("12.5", h.InHubspot("discount_percent"));
        Assert.Equal(12.5m, (await h.World.DealAsync(h.DealId)).Discount);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    public async Task Without_a_discount_property_a_change_of_it_is_refused_and_undone(DbProvider provider)
    {
        var time = new FakeTimeProvider(DealWorld.Now);
        await using var h = await HubspotWriteBack.StartAsync(provider, time);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);

        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 1, new DealFieldChanges { Discount = "12.5" }));

        Assert.Equal((DealCommandStatus.Invalid, CrmWriteOutcome.Refused), (result.Status, result.Crm));
        Assert.Contains("Sources:Hubspot:DiscountProperty", result.Errors[DealFields.Discount], StringComparison.Ordinal);
        Assert.Empty(h.Patches);
        Assert.Null((await h.World.DealAsync(h.DealId)).Discount);
    }
}

using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Sources.Sync;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// The discount from an org that keeps it in a custom field (Sources:Salesforce:DiscountField): the sync selects the
/// field and stores it as the deal's discount (none stays none); a change of it is one PATCH of that field; an org
/// without the setting is asked for nothing and a change is refused before anything is sent.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class SalesforceDiscountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_sync_reads_the_discount_field_into_the_deals_discount(DbProvider provider)
    {
        await using var h = await SalesforceHarness.StartAsync(provider, seed: f => FakeSalesforceData.Generate(f.Store, 20, SalesforceSyncTests.Today),
            settings: f => new Dictionary<string, string?>(SalesforceHarness.Jwt(f)) { ["Sources:Salesforce:DiscountField"] = "Discount__c" });
        var opportunities = h.Fake.Store.Live("Opportunity").Take(2).ToList();
        h.Fake.Store.Update(opportunities[0].Id, new Dictionary<string, object?> { ["Discount__c"] = 12.5m });

        var outcome = await h.SyncAsync(full: true);

        Assert.True(outcome.Succeeded, outcome.Run?.Error);
        Assert.Contains(h.Fake.Requests, r => r.Soql is { } soql && soql.Contains("FROM Opportunity", StringComparison.Ordinal) && soql.Contains(", Discount__c FROM", StringComparison.Ordinal));
        await using var db = h.Database!.NewContext();
        var discounts = await db.Deals.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Discount, Ct);
        Assert.Equal(12.5m, discounts[SourceIds.Of(SourceSystem.Salesforce, opportunities[0].Id)]);
        Assert.Null(discounts[SourceIds.Of(SourceSystem.Salesforce, opportunities[1].Id)]);
    }

    [Fact]
    public async Task A_discount_change_is_one_patch_of_the_configured_field_and_without_one_nothing_is_sent()
    {
        await using var h = await SalesforceHarness.StartAsync(seed: f => FakeSalesforceData.Generate(f.Store, 20, SalesforceSyncTests.Today),
            settings: f => new Dictionary<string, string?>(SalesforceHarness.Jwt(f)) { ["Sources:Salesforce:DiscountField"] = "Discount__c" });
        var o = h.Fake.Store.Live("Opportunity").First(o => !(bool)o.Fields["IsClosed"]!);

        var result = await h.Writer.WriteDealAsync(new CrmDealWrite(o.Id, new Dictionary<string, string?> { ["discount"] = "17.5" },
            ((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime), Ct);

        Assert.Equal(CrmWriteStatus.Written, result.Status);
        Assert.Equal("""{"Discount__c":17.5}""", Assert.Single(h.Fake.Requests, r => r.Method == "PATCH").Body);
        Assert.Equal(17.5m, o.Fields["Discount__c"]);

        await using var plain = await SalesforceHarness.StartAsync(seed: f => FakeSalesforceData.Generate(f.Store, 20, SalesforceSyncTests.Today));
        var other = plain.Fake.Store.Live("Opportunity").First(o => !(bool)o.Fields["IsClosed"]!);
        var refused = await plain.Writer.WriteDealAsync(new CrmDealWrite(other.Id, new Dictionary<string, string?> { ["discount"] = "17.5" },
            ((DateTimeOffset)other.Fields["LastModifiedDate"]!).UtcDateTime), Ct);
        Assert.Equal(CrmWriteStatus.Refused, refused.Status);
        Assert.Contains("discount", refused.FieldErrors!.Keys);
        Assert.DoesNotContain(plain.Fake.Requests, r => r.Method == "PATCH");
        Assert.DoesNotContain(plain.Fake.Requests, r => r.Soql?.Contains("Discount__c", StringComparison.Ordinal) == true);
    }
}

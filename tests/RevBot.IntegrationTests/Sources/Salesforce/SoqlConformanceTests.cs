using System.Text.Json;
using RevBot.IntegrationTests.Slack;
using RevBot.Sources.Salesforce;
using RevBot.Sources.Sync;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// Every SOQL statement RevBot actually sent to the fake org (a full read with and without multi-currency, an
/// incremental read with its bounds and deleted-record queries, the stage history, a conflict's re-read) is parsed by
/// @jetstreamapp/soql-parser-js: each must be valid SOQL naming the object and fields RevBot meant.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class SoqlConformanceTests
{
    [Fact]
    public async Task Every_statement_revbot_sends_parses_as_soql()
    {
        NodeConformance.Require("@jetstreamapp/soql-parser-js");
        await using var h = await SalesforceHarness.StartAsync(seed: f => FakeSalesforceData.Generate(f.Store, 250, SalesforceSyncTests.Today),
            settings: f => new Dictionary<string, string?>(SalesforceHarness.Jwt(f)) { ["Sources:Salesforce:LossReasonField"] = "Loss_Reason__c", ["Sources:Salesforce:DiscountField"] = "Discount__c" });
        var store = h.Fake.Store;
        // A deletion before each read, so the second read's deleted-record queries carry their bound too.
        foreach (var sObject in SoqlQueries.Deletable) store.Delete(store.Live(sObject).First().Id);
        var cursors = new Dictionary<string, string>();
        foreach (var batch in await h.ReadAllAsync()) cursors[batch.Object] = batch.Cursor!;
        var o = store.Live("Opportunity").First(x => !(bool)x.Fields["IsClosed"]!);
        var seen = ((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime.AddSeconds(-2);
        store.Update(o.Id, new Dictionary<string, object?> { ["Amount"] = 1m });
        foreach (var sObject in SoqlQueries.Deletable) store.Delete(store.Live(sObject).First().Id);
        await h.ReadAllAsync(cursors);
        var conflict = await h.Writer.WriteDealAsync(new CrmDealWrite(store.Live("Opportunity").First().Id, new Dictionary<string, string?> { ["amount"] = "2" }, seen), Ct);
        Assert.Equal(CrmWriteStatus.Conflict, conflict.Status);

        string[] mustFail = ["SELECT Id FROM Opportunity WHERE SystemModstamp > '2026-01-01'  AND"];
        var sent = h.Fake.Queries.Distinct(StringComparer.Ordinal).ToList();
        var (exit, stdout, stderr) = await NodeConformance.RunAsync(JsonSerializer.Serialize(sent.Concat(mustFail)), "salesforce/parse-soql.mjs");

        Assert.True(exit == 0, stderr);
        var results = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.False(results[^1].GetProperty("valid").GetBoolean());
        foreach (var r in results.SkipLast(1))
        {
            var soql = r.GetProperty("soql").GetString()!;
            Assert.True(r.GetProperty("valid").GetBoolean(), $"{soql}\n{r.GetProperty("error")}");
            var fake = FakeSoql.TryParse(soql, out _)!;
            Assert.Equal(fake.Object, r.GetProperty("sObject").GetString());
            Assert.Equal(fake.Fields, r.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!));
        }
        // What was sent covers every kind of statement RevBot has.
        var kinds = sent.Select(s => FakeSoql.TryParse(s, out _)!).ToList();
        Assert.Contains(kinds, k => k.Object == "OpportunityStage");
        Assert.Contains(kinds, k => k.Object == "OpportunityHistory");
        Assert.All(SoqlQueries.Objects, o => Assert.Contains(kinds, k => k.Object == o && k.After is not null && !k.WantsDeleted));
        Assert.All(SoqlQueries.Deletable, o => Assert.Contains(kinds, k => k.Object == o && k.WantsDeleted && k.After is not null));
        Assert.Contains(sent, s => s.Contains("CurrencyIsoCode", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("Loss_Reason__c, Discount__c", StringComparison.Ordinal) && s.Contains("WHERE Id = ", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("Loss_Reason__c, Discount__c FROM Opportunity", StringComparison.Ordinal) && s.Contains("ORDER BY SystemModstamp", StringComparison.Ordinal));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Data.Csv;
using RevBot.Data.Csv.Mapping;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv.Mapping;

/// <summary>The documented example mappings (docs/mappings/*.example.yaml) read their fixture exports as the docs say.</summary>
public sealed class ExampleMappingTests
{
    private static async Task<TestDatabase> ImportAsync(string mapping, string fixture)
    {
        var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var (source, problems) = CsvMapping.Load(RepoPaths.File("docs", "mappings", mapping), ImportFolder.Data(Path.Combine("mappings", fixture)));
        Assert.True(source is not null, string.Join('\n', problems));
        await using var db = test.NewContext();
        var result = await CsvImporter.ImportAsync(db, source, new CsvImportOptions(), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        return test;
    }

    private static string Line(Deal d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.Id}|{d.AccountId}|{d.Amount:0.##}|{d.Currency}|{d.Stage}|{d.Status}|{d.Type}|{d.CloseDate:yyyy-MM-dd}|{d.ClosedAt:yyyy-MM-ddTHH:mm}|{d.ForecastCategory}|{d.Probability}");

    [Fact]
    public async Task A_salesforce_opportunity_report_imports()
    {
        await using var test = await ImportAsync("salesforce-opportunities.example.yaml", "salesforce");
        await using var db = test.NewContext();
        var ct = TestContext.Current.CancellationToken;

        var deals = await db.Deals.OrderBy(d => d.Id).ToListAsync(ct);

        Assert.Equal(
            [
                "0065g00000AbCdEAAZ|0015g00000XyZ1AAAB|12500|USD|Closed Won|Won|New|2026-03-14|2026-03-14T00:00||100",
                "0065g00000AbCdFAAZ|0015g00000XyZ1AAAB|8000|EUR|Negotiation/Review|Open|Expansion|2026-06-30||Commit|90",
                "0065g00000AbCdGAAZ|0015g00000XyZ2AAAB|3200.5|USD|Closed Lost|Lost|New|2026-02-27|2026-02-27T00:00|Omitted|0",
                "0065g00000AbCdHAAZ||0|USD|Prospecting|Open|New|2026-09-30||Pipeline|10",
            ],
            deals.Select(Line));
        Assert.Equal(["0015g00000XyZ1AAAB Globex, Inc.", "0015g00000XyZ2AAAB Initech"], await db.Accounts.OrderBy(a => a.Id).Select(a => a.Id + " " + a.Name).ToListAsync(ct));
        var users = await db.Users.ToListAsync(ct);
        var carla = users.Single(u => u.Email == "carla.ruiz@example.com");
        Assert.Equal(UserRole.Manager, carla.Role);
        Assert.All(users.Where(u => u != carla), u => Assert.Equal(carla.Id, u.ManagerId));
        Assert.Equal(users.Single(u => u.Name == "Bo Chen").Id, deals[1].OwnerId);
    }

    [Fact]
    public async Task A_hubspot_deals_export_imports()
    {
        await using var test = await ImportAsync("hubspot-deals.example.yaml", "hubspot");
        await using var db = test.NewContext();
        var ct = TestContext.Current.CancellationToken;

        var deals = await db.Deals.OrderBy(d => d.Id).ToListAsync(ct);

        Assert.Equal(
            [
                "15437832101|9876543210|24000|USD|Closed Won|Won|Expansion|2026-03-20|2026-03-20T16:45||",
                "15437832102|9876543211|5200.5|EUR|Contract Sent|Open|New|2026-06-30||Commit|",
                "15437832103|9876543211|0|EUR|Closed Lost|Lost|New|2026-04-02|2026-04-02T09:00||",
            ],
            deals.Select(Line));
        Assert.Equal("Budget", deals[2].LossReason);
        var globex = await db.Accounts.SingleAsync(a => a.Id == "9876543210", ct);
        Assert.Equal(("Globex Inc.", "computer_software", (int?)1200, (DateTime?)new DateTime(2025, 11, 3, 9, 15, 0, DateTimeKind.Utc)),
            (globex.Name, globex.Industry, globex.Employees, globex.CreatedAt));
    }
}

using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

public sealed class CsvIdempotenceTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Importing_the_same_folder_twice_changes_nothing_the_second_time(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await CsvAssert.ImportsAsync(test, ImportFolder.Sample);
        var before = await DbSnapshot.TakeAsync(test);

        var again = await CsvAssert.ImportsAsync(test, ImportFolder.Sample);

        Assert.Equal(12, again.Files.Count);
        Assert.All(again.Files, f => Assert.Equal((0, 0), (f.Inserted, f.Updated)));
        Assert.Equal(0, again.UsersCreatedFromEmail);
        // Same rows, same values, same deal versions (Version is part of the snapshot), and no second audit entry.
        Assert.Equal(before, await DbSnapshot.TakeAsync(test));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_changed_deal_is_updated_in_place_and_only_its_version_goes_up(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        await CsvAssert.ImportsAsync(test, ImportFolder.Sample);
        using var folder = ImportFolder.SampleWith("changed");

        var result = await CsvAssert.ImportsAsync(test, folder.Path);

        var deals = Assert.Single(result.Files, f => f.File == "deals.csv");
        Assert.Equal((4, 0, 1, 3), (deals.Rows, deals.Inserted, deals.Updated, deals.Unchanged));
        Assert.All(result.Files.Where(f => f.File != "deals.csv"), f => Assert.Equal(0, f.Inserted + f.Updated));
        await using var db = test.NewContext();
        var versions = await db.Deals.OrderBy(d => d.Id).Select(d => new { d.Id, d.Version, d.Amount }).ToListAsync(ct);
        Assert.Equal(["D-1:2", "D-2:1", "D-3:1", "D-4:1"], versions.Select(v => $"{v.Id}:{v.Version}"));
        Assert.Equal(125000m, Math.Round(versions[0].Amount, 2));
        Assert.Equal(4, await db.Deals.CountAsync(ct));
        Assert.Equal(2, await db.AuditLog.CountAsync(ct));
    }
}

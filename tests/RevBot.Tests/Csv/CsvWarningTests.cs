using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

public sealed class CsvWarningTests
{
    [Fact]
    public async Task Unknown_columns_are_warnings_and_the_known_columns_still_import()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var folder = ImportFolder.SampleWith("extra-columns");

        var result = await CsvAssert.ImportsAsync(test, folder.Path);

        Assert.Equal(
            ["accounts.csv:1: favourite_colour: unknown column, ignored", "accounts.csv:1: Notes: unknown column, ignored"],
            result.Warnings.Where(w => w.File == "accounts.csv").Select(w => w.ToString()));
        await using var db = test.NewContext();
        var globex = await db.Accounts.SingleAsync(a => a.Id == "A-100", ct);
        Assert.Equal(("Globex, Inc.", "globex.test", new DateTime(2025, 1, 15, 9, 30, 0, DateTimeKind.Utc)), (globex.Name, globex.Domain, globex.CreatedAt));
    }

    [Fact]
    public async Task A_folder_without_any_canonical_file_imports_nothing_and_says_so()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var folder = ImportFolder.Empty();

        var result = await CsvAssert.ImportsAsync(test, folder.Path);

        Assert.Empty(result.Files);
        Assert.Contains("none of the files users.csv", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }
}

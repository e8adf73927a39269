using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

/// <summary>Any bad row refuses the whole import, names file, line and column, and leaves the database as it was.</summary>
public sealed class CsvBadInputTests
{
    [Theory]
    [InlineData("bad-date", "deals.csv:3: close_date: '2025-06-31' is not a date")]
    [InlineData("bad-timestamp", "activities.csv:3: occurred_at: 'yesterday' is not a date")]
    [InlineData("negative-amount", "deals.csv:4: amount: -30000 is negative")]
    [InlineData("unknown-status", "deals.csv:5: status: 'pending' is not one of: open, won, lost")]
    [InlineData("won-without-closed-at", "deals.csv:3: closed_at: a value is required when status is won")]
    [InlineData("unknown-account", "contacts.csv:3: account_id: unknown account id 'A-999'")]
    [InlineData("unknown-deal", "deal_stage_history.csv:4: deal_id: unknown deal id 'D-9'")]
    [InlineData("missing-required-column", "subscriptions.csv:1: mrr: required column is missing")]
    [InlineData("missing-required-value", "activities.csv:5: type: a value is required")]
    [InlineData("bad-enum", "tickets.csv:2: priority: 'critical' is not one of: low, medium, high, urgent")]
    [InlineData("probability-out-of-range", "deals.csv:2: probability: 150 is out of range (0-100)")]
    public async Task A_bad_row_refuses_the_import_and_writes_none_of_the_good_rows(string badCase, string expectedError)
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var folder = ImportFolder.SampleWith($"bad/{badCase}");
        var before = await DbSnapshot.CountsAsync(test);

        var result = await CsvAssert.ImportAsync(test, folder.Path);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(expectedError, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Files);
        Assert.Equal(before, await DbSnapshot.CountsAsync(test));
        Assert.All(before.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task Every_bad_row_of_every_file_is_reported_in_file_order()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var folder = ImportFolder.SampleWith("bad/several-files");

        var result = await CsvAssert.ImportAsync(test, folder.Path);

        Assert.Equal(
            ["deals.csv:2: amount: '12k' is not a number", "usage.csv:3: active_users: -118 is below 0"],
            result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_refused_import_leaves_a_populated_database_exactly_as_it_was(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        await CsvAssert.ImportsAsync(test, ImportFolder.Sample);
        var before = await DbSnapshot.TakeAsync(test);
        // deals.csv changes D-1 and is valid on its own; usage.csv, written later, has the bad row.
        using var folder = ImportFolder.SampleWith("bad/several-files");
        File.Copy(Path.Combine(ImportFolder.Data("changed"), "deals.csv"), Path.Combine(folder.Path, "deals.csv"), overwrite: true);

        var result = await CsvAssert.ImportAsync(test, folder.Path);

        Assert.Equal("usage.csv:3: active_users: -118 is below 0", Assert.Single(result.Errors).ToString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(test));
        await using var db = test.NewContext();
        Assert.Equal(1, (await db.Deals.SingleAsync(d => d.Id == "D-1", ct)).Version);
    }
}

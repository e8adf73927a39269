using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv.Mapping;

/// <summary>
/// An export read through a mapping goes through the canonical checks and the same all-or-nothing transaction; errors
/// name the export's file, line and column. With --skip-invalid the rest is imported and every refused row listed.
/// </summary>
public sealed class MappedImportTests
{
    private const string Mapping = """
        accounts:
          from: companies.csv
          columns:
            account_id: { column: company, slug: "-" }
            name: company
            region: { column: country, map: { US: NA, DE: EMEA } }
        deals:
          from: pipeline.csv
          normalise:
            product: { GTXPro: GTX Pro }
          skip:
            - column: stage
              equals: [Trial, Test]
              reason: not a real deal
          columns:
            deal_id: id
            name: { template: "{company|(no account)} {product}" }
            account_id: { column: company, slug: "-" }
            amount: { column: value, number: de-DE, otherwise: { lookup: { file: products.csv, key: product, take: list_price } } }
            stage: { column: stage, map: { Won: Closed Won }, unmapped: keep }
            status: { column: stage, map: { Won: won, Open: open } }
            product: product
            closed_at: { column: closed, date_format: d.M.yyyy, when: { column: stage, equals: Won } }
        """;

    private const string Companies = "company,country\nAcme Corp,US\nGlobex,DE\n";

    private const string Products = "product,list_price\nGTX Pro,4821\nGTX Basic,550\n";

    private static ExportFolder Export(string pipeline, string companies = Companies) =>
        new(Mapping, ("companies.csv", companies), ("pipeline.csv", pipeline), ("products.csv", Products));

    [Fact]
    public async Task An_export_becomes_canonical_rows()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var export = Export("id,company,product,value,stage,closed\nD-1,Acme Corp,GTXPro,\"1.234,50\",Won,3.2.2026\nD-2,,GTX Basic,,Open,\nD-3,Globex,GTX Basic,1,Trial,\n");

        var result = await export.ImportAsync(test);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal("pipeline.csv: 1 row skipped: not a real deal", Assert.Single(result.Filtered).ToString());
        await using var db = test.NewContext();
        var deals = await db.Deals.OrderBy(d => d.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["D-1", "D-2"], deals.Select(d => d.Id));
        Assert.Equal(("Acme Corp GTX Pro", "acme-corp", 1234.50m, "Closed Won", DealStatus.Won, "GTX Pro"),
            (deals[0].Name, deals[0].AccountId, deals[0].Amount, deals[0].Stage, deals[0].Status, deals[0].Product));
        Assert.Equal(new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc), deals[0].ClosedAt);
        // No value: the product's list price; no company: no account, and the template's fallback.
        Assert.Equal(("(no account) GTX Basic", null, 550m, "Open", DealStatus.Open, (DateTime?)null),
            (deals[1].Name, deals[1].AccountId, deals[1].Amount, deals[1].Stage, deals[1].Status, deals[1].ClosedAt));
        Assert.Equal("NA", (await db.Accounts.SingleAsync(a => a.Id == "acme-corp", TestContext.Current.CancellationToken)).Region);
    }

    [Fact]
    public async Task Importing_the_same_export_twice_changes_nothing_the_second_time()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var export = Export("id,company,product,value,stage,closed\nD-1,Acme Corp,GTXPro,\"1.234,50\",Won,3.2.2026\n");
        Assert.True((await export.ImportAsync(test)).ChangedAnything);

        var again = await export.ImportAsync(test);

        Assert.True(again.Succeeded);
        Assert.False(again.ChangedAnything);
    }

    [Fact]
    public async Task Bad_rows_are_reported_at_the_exports_file_line_and_column_and_nothing_is_written()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var export = Export(
            "id,company,product,value,stage,closed\nD-1,Acme Corp,GTXPro,abc,Won,3.2.2026\nD-2,Initech,GTX Basic,5,Open,\nD-3,Globex,GTX Ultra,,Open,\nD-4,Globex,GTX Basic,5,Pending,\nD-5,Globex,GTX Basic,5,Won,2026-02-03\nD-5,Globex,GTX Basic,6,Open,\n",
            companies: "company,country\nAcme Corp,US\nGlobex,FR\n");

        var result = await export.ImportAsync(test);

        Assert.Equal(
            [
                "companies.csv:3: country: 'FR' is not in the mapping's map (known: US, DE)",
                "pipeline.csv:2: value: 'abc' is not a number as de-DE writes them",
                "pipeline.csv:3: company: unknown account id 'initech' (not in accounts.csv nor in the database)",
                "pipeline.csv:4: product: no row of products.csv has product 'GTX Ultra'",
                "pipeline.csv:5: stage: 'Pending' is not in the mapping's map (known: Won, Open)",
                "pipeline.csv:6: closed: '2026-02-03' does not match the date format d.M.yyyy",
                "pipeline.csv:7: id: duplicate deal id 'D-5' (first on line 6)",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Files);
        Assert.All((await DbSnapshot.CountsAsync(test)).Values, count => Assert.Equal(0, count));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Skip_invalid_imports_the_valid_rows_and_lists_each_refused_row_with_its_reason(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        // Globex's row is refused (FR is not mapped), so its deal D-2 is refused in turn; D-3 is bad on its own.
        using var export = Export("id,company,product,value,stage,closed\nD-1,Acme Corp,GTXPro,10,Won,3.2.2026\nD-2,Globex,GTX Basic,5,Open,\nD-3,Acme Corp,GTX Basic,-5,Open,\n",
            companies: "company,country\nAcme Corp,US\nGlobex,FR\n");

        var result = await export.ImportAsync(test, skipInvalid: true);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [
                "companies.csv:3: country: 'FR' is not in the mapping's map (known: US, DE)",
                "pipeline.csv:3: company: unknown account id 'globex' (not in accounts.csv nor in the database)",
                "pipeline.csv:4: value: -5 is negative; amounts must be 0 or more",
            ],
            result.Refused.Select(e => e.ToString()));
        await using var db = test.NewContext();
        Assert.Equal(["D-1"], await db.Deals.Select(d => d.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["acme-corp"], await db.Accounts.Select(a => a.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("\"rows_refused\":3", (await db.AuditLog.SingleAsync(TestContext.Current.CancellationToken)).Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_still_refuses_a_file_whose_header_is_wrong()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var folder = ImportFolder.SampleWith("bad/missing-required-column");
        await using var db = test.NewContext();

        var result = await CsvImporter.ImportAsync(db, CsvSource.Folder(folder.Path), new CsvImportOptions { SkipInvalid = true }, TestContext.Current.CancellationToken);

        Assert.StartsWith("subscriptions.csv:1: mrr: required column is missing", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
        Assert.All((await DbSnapshot.CountsAsync(test)).Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task Skip_invalid_works_on_canonical_files_too()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var folder = ImportFolder.SampleWith("bad/several-files");
        await using var db = test.NewContext();

        var result = await CsvImporter.ImportAsync(db, CsvSource.Folder(folder.Path), new CsvImportOptions { SkipInvalid = true }, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(["deals.csv:2: amount: '12k' is not a number", "usage.csv:3: active_users: -118 is below 0"],
            result.Refused.Select(e => e.ToString()).Where(e => !e.Contains("unknown deal id", StringComparison.Ordinal)));
        Assert.Contains(result.Files, f => f.File == "usage.csv" && f.Inserted > 0);
    }

    [Fact]
    public async Task Group_by_merges_rows_and_adds_their_sums()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var export = new ExportFolder("""
            accounts:
              from: accounts.csv
              columns: { account_id: id, name: name }
            usage:
              from: feature_usage.csv
              columns:
                account_id: { lookup: { file: subscriptions.csv, key: subscription, match: sub, take: account } }
                date: day
                events: uses
              group_by: [account_id, date]
              sum: [events]
            """,
            ("accounts.csv", "id,name\nA-1,Acme\nA-2,Globex\n"), ("subscriptions.csv", "subscription,account\nS-1,A-1\nS-2,A-1\nS-3,A-2\n"),
            ("feature_usage.csv", "sub,day,feature,uses\nS-1,2026-01-05,f1,3\nS-2,2026-01-05,f2,4\nS-1,2026-01-06,f1,1\nS-3,2026-01-05,f1,9\n"));

        var result = await export.ImportAsync(test);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        await using var db = test.NewContext();
        var usage = await db.Usage.OrderBy(u => u.AccountId).ThenBy(u => u.Date).Select(u => $"{u.AccountId} {u.Date:yyyy-MM-dd} {u.Events}")
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["A-1 2026-01-05 7", "A-1 2026-01-06 1", "A-2 2026-01-05 9"], usage);
    }
}

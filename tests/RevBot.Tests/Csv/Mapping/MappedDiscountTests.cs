using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv.Mapping;

/// <summary>
/// A discount column mapped with <c>percent:</c> (docs/import.md): as points "12", "12%" and "12.5 %" are 12 and 12.5;
/// as a fraction "0.12" is 12 and "15%" still 15; a value that cannot be a percentage, a fraction above 1 and a
/// discount past 100% are each an error at the export's file, line and column.
/// </summary>
public sealed class MappedDiscountTests
{
    private static string Mapping(string scale) => $$"""
        deals:
          from: pipeline.csv
          columns:
            deal_id: id
            amount: value
            stage: { value: Proposal }
            status: { value: open }
            discount: { column: off, percent: {{scale}} }
        """;

    private static async Task<Dictionary<string, decimal?>> DiscountsAsync(TestDatabase test)
    {
        await using var db = test.NewContext();
        return await db.Deals.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Discount, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Points_and_fractions_are_read_as_percentage_points()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using (var points = new ExportFolder(Mapping("points"), ("pipeline.csv", "id,value,off\nD-1,100,12%\nD-2,100,12.5 %\nD-3,100,\nD-4,100,7\n")))
        {
            var result = await points.ImportAsync(test);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        }
        Assert.Equal(new Dictionary<string, decimal?> { ["D-1"] = 12m, ["D-2"] = 12.5m, ["D-3"] = null, ["D-4"] = 7m }, await DiscountsAsync(test));

        using var fraction = new ExportFolder(Mapping("fraction"), ("pipeline.csv", "id,value,off\nD-1,100,0.12\nD-2,100,15%\nD-3,100,0.075\n"));
        var again = await fraction.ImportAsync(test);
        Assert.True(again.Succeeded, string.Join('\n', again.Errors));
        Assert.Equal(new Dictionary<string, decimal?> { ["D-1"] = 12m, ["D-2"] = 15m, ["D-3"] = 7.5m, ["D-4"] = 7m }, await DiscountsAsync(test));
    }

    [Fact]
    public async Task A_value_that_is_not_a_percentage_is_an_error_at_its_line_and_nothing_is_written()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var fraction = new ExportFolder(Mapping("fraction"), ("pipeline.csv", "id,value,off\nD-1,100,0.12\nD-2,100,12\nD-3,100,twelve\nD-4,100,150%\n"));

        var result = await fraction.ImportAsync(test);

        Assert.Equal(
            [
                "pipeline.csv:3: off: '12' is above 1: with percent: fraction, 12% is written 0.12 (or 12%); use percent: points for a column of 12s",
                "pipeline.csv:4: off: 'twelve' is not a percentage",
                "pipeline.csv:5: off: must be a percentage from 0 to 100",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Empty(await DiscountsAsync(test));
    }
}

namespace RevBot.Tests.Csv.Mapping;

/// <summary>
/// A mapping is checked whole against the export's headers before any row is read: every problem is listed, as
/// <c>mapping.yaml:line: path: what</c>, with the nearest name for a slip.
/// </summary>
public sealed class MappingProblemTests
{
    private const string Pipeline = "opportunity_id,agent,stage,close_value\nO-1,Ana Lee,Won,100\nO-2,Bo Chen,Lost,not a number\n";

    private static string[] ProblemsOf(string mapping)
    {
        using var export = new ExportFolder(mapping, ("pipeline.csv", Pipeline), ("products.csv", "product,price\nGTX,10\n"));
        return export.Problems();
    }

    [Theory]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: close_vlaue\n    stage: stage\n    status: { value: open }\n",
        "m.yaml:5: deals.amount: unknown column 'close_vlaue' in pipeline.csv (did you mean close_value?)")]
    [InlineData("dealz:\n  from: pipeline.csv\n",
        "m.yaml:1: dealz: not a canonical file (did you mean deals?) (one of users, accounts, contacts, deals, deal_stage_history, activities, subscriptions, usage, tickets, spend, quotas, forecast_snapshots)")]
    [InlineData("deals:\n  from: pipelin.csv\n  columns: {}\n", "m.yaml:2: deals.from: pipelin.csv is not in the folder (did you mean pipeline.csv?)")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amout: close_value\n    stage: stage\n    status: { value: open }\n",
        "m.yaml:5: deals.amout: not a column of deals.csv (did you mean amount?)")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: close_value\n    status: { value: open }\n",
        "m.yaml:4: deals.columns: the required column stage is not mapped")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: { colum: close_value }\n    stage: stage\n    status: { value: open }\n",
        "m.yaml:5: deals.amount: unknown key 'colum' (did you mean column?)")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: { column: close_value, value: '1' }\n    stage: stage\n    status: { value: open }\n",
        "m.yaml:5: deals.amount: has both column and value; give one")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: { column: close_value, number: xx-NOPE }\n    stage: stage\n    status: { value: open }\n",
        "m.yaml:5: deals.amount.number: 'xx-NOPE' is not a culture name (e.g. en-US, de-DE, es-ES)")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: { lookup: { file: products.csv, key: product, match: agent, take: prize } }\n    stage: stage\n    status: { value: open }\n",
        "m.yaml:5: deals.amount.lookup.take: unknown column 'prize' in products.csv (did you mean price?)")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: close_value\n    stage: { template: '{stag} deal' }\n    status: { value: open }\n",
        "m.yaml:6: deals.stage: unknown column 'stag' in pipeline.csv (did you mean stage?)")]
    [InlineData("deals:\n  from: pipeline.csv\n  skip:\n    - column: stage\n      equals: Lost\n  columns:\n    deal_id: opportunity_id\n    amount: close_value\n    stage: stage\n    status: { value: open }\n",
        "m.yaml:4: deals.skip[1]: needs column, reason and one of equals, equals_column or empty: true")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n    amount: close_value\n    stage: stage\n    status: { value: open }\n    discount: { column: close_value, percent: percentage }\n",
        "m.yaml:8: deals.discount.percent: 'percentage' is not points (12 or 12% is 12%) or fraction (0.12 is 12%)")]
    [InlineData("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_id\n  amount: [close_value\n", "m.yaml:6: not valid YAML")]
    public void A_mapping_problem_names_the_mapping_line_and_path(string mapping, string expected)
    {
        var problems = ProblemsOf(mapping);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_no_row_is_judged()
    {
        // Two slips in the mapping; line 3 of pipeline.csv has a bad close_value, which is not looked at yet.
        var problems = ProblemsOf("deals:\n  from: pipeline.csv\n  columns:\n    deal_id: opportunity_idd\n    amount: close_value\n    stage: stge\n    status: { value: open }\n");

        Assert.Equal(
            ["m.yaml:4: deals.deal_id: unknown column 'opportunity_idd' in pipeline.csv (did you mean opportunity_id?)",
             "m.yaml:6: deals.stage: unknown column 'stge' in pipeline.csv (did you mean stage?)"],
            problems);
    }
}

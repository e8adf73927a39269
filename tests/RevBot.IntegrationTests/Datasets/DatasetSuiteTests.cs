using System.Text.Json;
using RevBot.Core.Conversation;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Ask;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// The dataset question suite (issue 17): each question of <see cref="DatasetCases"/> asked through the AskService that
/// the CLI and the API use, on both public datasets imported through the canonical CSV format, on SQLite and PostgreSQL.
/// The answer must name the expected metric, period, filters and breakdown, and carry the value the test computed from
/// the raw files; every number of its text must be a JSON value carrying its unit word.
/// </summary>
public sealed class DatasetSuiteTests(DatasetFixture data)
{
    public static TheoryData<DbProvider, string> Cases()
    {
        var rows = new TheoryData<DbProvider, string>();
        foreach (var provider in new[] { DbProvider.Sqlite, DbProvider.Postgres })
            foreach (var c in DatasetCases.All) rows.Add(provider, c.ToString());
        return rows;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_with_the_independently_computed_value(DbProvider provider, string id)
    {
        var c = DatasetCases.Get(id);
        var json = await AskAsync(provider, c);
        AssertShape(c, json);
        var reference = Reference(c.Dataset);
        if (c.Grain is { } grain)
        {
            AssertTrend(c, reference, grain, json);
            return;
        }
        var (from, to) = c.Metric == "pipeline" ? (DateOnly.MinValue, DateOnly.MaxValue) : (c.From, c.To);
        var expected = reference.Evaluate(c.Metric, from, to, c.Filters, c.GroupBy, DatasetCases.AsOf(c.Dataset));

        if (c.Limit is { } limit)
        {
            AssertRanked(expected, json, limit, c.Ascending);
            return;
        }
        AssertNear(expected.Value, Number(json, "value"), "value", json);
        if (expected.Numerator is not null) AssertNear(expected.Numerator, Number(json, "numerator"), "numerator", json);
        if (expected.Denominator is not null) AssertNear(expected.Denominator, Number(json, "denominator"), "denominator", json);
        if (expected.Rows is { } rows) AssertRows(rows, json);
        // A comparison is the same metric over the comparison period the answer states: computed here too.
        if (json.TryGetProperty("comparison", out var cmp) && cmp.ValueKind == JsonValueKind.Object && Number(cmp, "value") is { } then)
        {
            var p = cmp.GetProperty("period");
            var before = reference.Evaluate(c.Metric, Day(p, "start"), Day(p, "end"), c.Filters, null, DatasetCases.AsOf(c.Dataset));
            AssertNear(before.Value, then, "comparison value", json);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_number_in_the_text_is_a_json_value_with_its_unit(DbProvider provider, string id)
    {
        var c = DatasetCases.Get(id);
        var json = await AskAsync(provider, c);
        Assert.True(json.GetProperty("understood").GetBoolean(), $"not understood: {json.GetProperty("text").GetString()}");
        var (text, rest) = AnswerNumbers.Unaccounted(json);
        Assert.False(rest.Any(char.IsDigit), $"'{text}' has a number that is not in the JSON answer (left: '{rest}')");
        foreach (var phrase in UnitWords.Expected(json)) Assert.Contains(phrase, text, StringComparison.Ordinal);
    }

    private IReference Reference(string dataset) => data.Reference(dataset);

    private async Task<JsonElement> AskAsync(DbProvider provider, DatasetCase c)
    {
        var imported = await data.GetAsync(c.Dataset, provider);
        var answer = await imported.AskAsync(c.Question, DatasetCases.AsOf(c.Dataset));
        return JsonSerializer.SerializeToElement(answer);
    }

    private static void AssertShape(DatasetCase c, JsonElement json)
    {
        var text = json.GetProperty("text").GetString();
        Assert.True(json.GetProperty("understood").GetBoolean(), $"not understood: {text}");
        Assert.Equal((c.Limit is null ? "metric" : "list", c.Metric), (json.GetProperty("intent").GetString(), Str(json, "metric")));
        var period = json.GetProperty("period");
        Assert.Equal((c.Start, c.End), (period.GetProperty("start").GetString(), period.GetProperty("end").GetString()));
        var filters = json.TryGetProperty("filters", out var f) && f.ValueKind == JsonValueKind.Object
            ? f.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!) : [];
        Assert.Equal(c.Filters.OrderBy(kv => kv.Key, StringComparer.Ordinal), filters.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        if (c.Limit is null) Assert.Equal(c.GroupBy, Str(json, "groupBy"));
    }

    /// <summary>One point per month or quarter of the period, each the metric over that month or quarter alone.</summary>
    private static void AssertTrend(DatasetCase c, IReference reference, string grain, JsonElement json)
    {
        var months = grain == "month" ? 1 : 3;
        var starts = new List<DateOnly>();
        for (var start = c.From; start <= c.To; start = start.AddMonths(months)) starts.Add(start);
        var points = json.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal(starts, points.Select(p => Day(p, "key")).ToList());
        foreach (var (start, point) in starts.Zip(points))
        {
            var expected = reference.Evaluate(c.Metric, start, start.AddMonths(months).AddDays(-1), c.Filters, null, DatasetCases.AsOf(c.Dataset));
            AssertNear(expected.Value, Number(point, "value"), $"point {start:yyyy-MM-dd}", json);
        }
    }

    /// <summary>The list shows the first rows of the ranking the test computed (ties may come in either order).</summary>
    private static void AssertRanked(Expected expected, JsonElement json, int limit, bool ascending)
    {
        var rows = expected.Rows!.Where(r => r.Value is not null).Select(r => (r.Key, Value: r.Value!.Value)).ToList();
        var ranked = (ascending ? rows.OrderBy(r => r.Value) : rows.OrderByDescending(r => r.Value)).Take(limit).Select(r => Round(r.Value)).ToList();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ranked, items.Select(i => Round(i.GetProperty("value").GetDecimal())).ToList());
        foreach (var item in items)
            Assert.Equal(Round(expected.Rows![item.GetProperty("id").GetString()!]!.Value), Round(item.GetProperty("value").GetDecimal()));
    }

    /// <summary>Every group the answer shows has the test's value; every group with a non-zero value is shown.</summary>
    private static void AssertRows(IReadOnlyDictionary<string, decimal?> rows, JsonElement json)
    {
        var shown = json.GetProperty("breakdown").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => Number(r, "value"));
        foreach (var (key, value) in shown)
            Assert.True(Same(rows.GetValueOrDefault(key) ?? (value == 0 ? 0 : null), value), $"group '{key}': engine {value}, test {rows.GetValueOrDefault(key)}");
        foreach (var (key, value) in rows.Where(r => r.Value is not null and not 0))
            Assert.True(shown.ContainsKey(key), $"group '{key}' ({value}) is missing from the breakdown");
    }

    private static void AssertNear(decimal? expected, decimal? actual, string what, JsonElement json) =>
        Assert.True(Same(expected, actual), $"{what}: expected {expected}, engine {actual}\n{json.GetProperty("text").GetString()}");

    private static bool Same(decimal? a, decimal? b) => a is null || b is null ? a == b : Round(a.Value) == Round(b.Value);

    // Ratios are fractions and days carry fractions: six places is well inside what any answer shows.
    private static decimal Round(decimal d) => Math.Round(d, 6);

    private static decimal? Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static string? Str(JsonElement json, string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateOnly Day(JsonElement period, string name) => DateOnly.Parse(period.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}

using System.Text.Json;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.IntegrationTests.Ask;

/// <summary>
/// Every number in an answer's text must be one of the answer's JSON values, formatted: take out each JSON number in
/// every way the formatter writes it, and the period's dates and the names shown, and no digit may remain.
/// </summary>
public sealed class NumberConsistencyTests(AskHost host) : IClassFixture<AskHost>
{
    public static TheoryData<string> Questions { get; } = new()
    {
        "what's our win rate this quarter?", "win rate by value last quarter", "bookings by region this year",
        "how many deals did we win last month", "deals lost last quarter", "average deal size this year by segment",
        "how long is our sales cycle?", "pipeline", "weighted pipeline closing this quarter", "pipeline created last quarter",
        "forecast this quarter", "forecast accuracy last quarter", "quota attainment this quarter", "pipeline coverage this quarter",
        "pipeline velocity this quarter", "what is our ARR?", "MRR", "how many customers do we have", "net new ARR this year",
        "NRR last quarter by segment", "GRR last quarter", "revenue churn last quarter", "logo churn rate YTD",
        "renewal rate this year", "expansion rate last quarter", "new customers last quarter", "CAC last quarter",
        "LTV this year", "ltv to cac ratio this year", "top 5 reps by bookings this year", "top 10 open deals",
        "biggest deals we lost last quarter", "win rate last quarter vs same period last year",
        "¿cuál es nuestra tasa de cierre este trimestre?", "ingresos cerrados el mes pasado por región", "¿cuánto es nuestro ARR?",
        "bookings in EMEA last quarter", "win rate since Oct 1", "MRR for Enterprise", "top 5 reps by win rate in EMEA last quarter",
        "biggest deals we lost last quarter in EMEA", "tasa de cierre entre el 5 de octubre y el 3 de noviembre", "pipeline este trimestre",
        "ticket medio en EMEA el trimestre pasado", "relación LTV/CAC este año",
        "retención neta el trimestre pasado", "win rate trend over the last 4 quarters", "bookings by month this year", "ticket medio este año", "¿cuántos clientes tenemos?",
        // The ARR bridge (issue 17): its legs and the accounts behind them.
        "new ARR last quarter", "expansion ARR by segment last quarter", "churned ARR this year", "ARR de contracción el trimestre pasado",
        "customers who churned last quarter", "which accounts downgraded this year", "¿qué clientes ampliaron su contrato este año?",
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Every_number_in_the_text_is_a_json_value(string question)
    {
        var json = await host.AskAsync(question, asOf: "2026-11-27");
        Assert.True(json.GetProperty("understood").GetBoolean(), $"not understood: {json.GetProperty("text").GetString()}");
        var text = json.GetProperty("text").GetString()!;
        var f = new AnswerFormatter(json.GetProperty("language").GetString()!, json.TryGetProperty("currency", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "USD");
        var unit = json.TryGetProperty("unit", out var u) ? Unit(u.GetString()) : MetricUnit.Count;

        var allowed = new List<string>();
        foreach (var n in Numbers(json)) allowed.AddRange(Spellings(n, unit, f));
        foreach (var name in Names(json)) allowed.Add(name);
        foreach (var period in Periods(json)) allowed.AddRange(period);

        var rest = text;
        foreach (var s in allowed.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length)) rest = rest.Replace(s, "", StringComparison.Ordinal);
        // List answers number their rows ("1. West $2M; 2. …").
        rest = System.Text.RegularExpressions.Regex.Replace(rest, @"(^|; |: )\d+\. ", "$1");
        Assert.False(rest.Any(char.IsDigit), $"'{text}' has a number that is not in the JSON answer (left: '{rest}')");
    }

    /// <summary>Each count carries its real unit: an average's deals are its denominator, ARR counts subscriptions, LTV:CAC is a multiple.</summary>
    [Theory]
    [InlineData("average deal size this year", "{d} deals won")]
    [InlineData("ticket medio este año", "{d} negocios ganados")]
    [InlineData("how long is our sales cycle?", "average of {d} deals won")]
    [InlineData("what is our ARR?", "{n} active subscriptions")]
    [InlineData("MRR", "{n} active subscriptions")]
    [InlineData("¿cuánto es nuestro ARR?", "{n} suscripciones activas")]
    [InlineData("ltv to cac ratio this year", "{v}")]
    [InlineData("new ARR last quarter", "{n} new customers")]
    [InlineData("churned ARR this year", "{n} customers churned")]
    [InlineData("ARR de expansión este año", "{n} clientes ampliaron")]
    public async Task Every_count_carries_its_unit(string question, string expected)
    {
        var json = await host.AskAsync(question, asOf: "2026-11-27");
        var f = new AnswerFormatter(json.GetProperty("language").GetString()!, "USD");
        string Count(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? f.Count(v.GetDecimal()) : "?";
        var unit = Unit(json.GetProperty("unit").GetString());
        var value = f.Value(json.GetProperty("value").GetDecimal(), unit);
        var phrase = expected.Replace("{d}", Count("denominator"), StringComparison.Ordinal).Replace("{n}", Count("numerator"), StringComparison.Ordinal)
            .Replace("{v}", value, StringComparison.Ordinal);
        Assert.Contains(phrase, json.GetProperty("text").GetString(), StringComparison.Ordinal);
        if (json.GetProperty("metric").GetString() == "ltv_to_cac") Assert.EndsWith("×", value, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Spellings(decimal n, MetricUnit unit, AnswerFormatter f) =>
    [
        f.Value(n, unit), f.Magnitude(n, unit), f.Count(n), f.Money(n), f.Money(Math.Abs(n)), f.Magnitude(n, MetricUnit.Currency),
        f.Value(n, MetricUnit.Ratio), f.Value(n, MetricUnit.Days), f.Value(n, MetricUnit.Multiple),
    ];

    private static IEnumerable<decimal> Numbers(JsonElement json)
    {
        foreach (var name in new[] { "value", "numerator", "denominator" })
            if (json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) yield return v.GetDecimal();
        if (json.TryGetProperty("comparison", out var cmp) && cmp.ValueKind == JsonValueKind.Object)
            foreach (var name in new[] { "value", "change" })
                if (cmp.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) yield return v.GetDecimal();
        // A ranked list says how many rows it shows ("Top 5 reps by …").
        if (json.TryGetProperty("items", out var shown) && shown.ValueKind == JsonValueKind.Array) yield return shown.GetArrayLength();
        foreach (var list in new[] { "breakdown", "items" })
            if (json.TryGetProperty(list, out var rows) && rows.ValueKind == JsonValueKind.Array)
                foreach (var row in rows.EnumerateArray())
                    foreach (var name in new[] { "value", "before", "after" })
                        if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) yield return v.GetDecimal();
    }

    private static IEnumerable<string> Names(JsonElement json)
    {
        foreach (var list in new[] { "breakdown", "items" })
            if (json.TryGetProperty(list, out var rows) && rows.ValueKind == JsonValueKind.Array)
                foreach (var row in rows.EnumerateArray())
                    foreach (var name in new[] { "label", "name" })
                        if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) yield return v.GetString()!;
    }

    private static IEnumerable<IEnumerable<string>> Periods(JsonElement json)
    {
        var f = new AnswerFormatter(json.GetProperty("language").GetString()!, "USD");
        foreach (var p in new[] { json.TryGetProperty("period", out var a) ? a : default, json.TryGetProperty("comparison", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("period") : default })
        {
            if (p.ValueKind != JsonValueKind.Object) continue;
            var period = new Period(DateOnly.Parse(p.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(p.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture), p.GetProperty("label").GetString()!);
            yield return [period.Label, f.DateRange(period), f.RangePhrase(period)];
        }
    }

    private static MetricUnit Unit(string? unit) => unit switch
    {
        "ratio" => MetricUnit.Ratio,
        "multiple" => MetricUnit.Multiple,
        "currency" => MetricUnit.Currency,
        "days" => MetricUnit.Days,
        "currency_per_day" => MetricUnit.CurrencyPerDay,
        _ => MetricUnit.Count,
    };
}

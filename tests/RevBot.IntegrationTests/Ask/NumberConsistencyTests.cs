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
        // Section 3 of issue 17: loss reasons, the scorecard, bookings against plan.
        "why did we lose deals last quarter", "lost amount by loss reason", "¿por qué perdimos este trimestre?", "how are we doing this quarter",
        "¿cómo vamos?", "bookings vs plan", "ventas frente a la cuota en 2020",
        "win rate on deals above $100k", "tasa de cierre en negocios entre 10 mil y 50 mil", "top 10 open deals over 200k", "bookings by region excluding EMEA",
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
        // A scorecard's metrics each have their own unit.
        foreach (var (n, own) in ScorecardNumbers(json)) allowed.AddRange(Spellings(n, own, f));
        foreach (var name in Names(json)) allowed.Add(name);
        // An amount condition's bounds ("over $100K"; ES "de más de 10.000 $").
        if (json.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Object)
            foreach (var bound in new[] { "min", "max" })
                if (amount.TryGetProperty(bound, out var b) && b.ValueKind == JsonValueKind.Number) allowed.AddRange([f.Money(b.GetDecimal()), b.GetDecimal().ToString("#,0.##", f.Culture)]);
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
        foreach (var name in new[] { "value", "numerator", "denominator", "lostAmount" })
            if (json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) yield return v.GetDecimal();
        if (json.TryGetProperty("comparison", out var cmp) && cmp.ValueKind == JsonValueKind.Object)
            foreach (var name in new[] { "value", "change" })
                if (cmp.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) yield return v.GetDecimal();
        // A ranked list says how many rows it shows ("Top 5 reps by …").
        if (json.TryGetProperty("items", out var shown) && shown.ValueKind == JsonValueKind.Array) yield return shown.GetArrayLength();
        foreach (var list in new[] { "breakdown", "items" })
            if (json.TryGetProperty(list, out var rows) && rows.ValueKind == JsonValueKind.Array)
                foreach (var row in rows.EnumerateArray())
                    foreach (var name in new[] { "value", "count", "amount", "share" })
                        if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) yield return v.GetDecimal();
    }

    private static IEnumerable<(decimal, MetricUnit)> ScorecardNumbers(JsonElement json)
    {
        if (!json.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array) yield break;
        foreach (var m in metrics.EnumerateArray())
        {
            var unit = Unit(m.GetProperty("unit").GetString());
            if (m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number) yield return (v.GetDecimal(), unit);
            if (m.TryGetProperty("comparison", out var c) && c.ValueKind == JsonValueKind.Object)
                foreach (var name in new[] { "value", "change" })
                    if (c.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number) yield return (n.GetDecimal(), unit);
        }
    }

    private static IEnumerable<string> Names(JsonElement json)
    {
        foreach (var list in new[] { "breakdown", "items", "metrics" })
            if (json.TryGetProperty(list, out var rows) && rows.ValueKind == JsonValueKind.Array)
                foreach (var row in rows.EnumerateArray())
                    foreach (var name in new[] { "label", "name" })
                        if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) yield return v.GetString()!;
    }

    private static IEnumerable<IEnumerable<string>> Periods(JsonElement json)
    {
        var f = new AnswerFormatter(json.GetProperty("language").GetString()!, "USD");
        var periods = new List<JsonElement> { json.TryGetProperty("period", out var a) ? a : default, json.TryGetProperty("comparison", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("period") : default };
        if (json.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array)
            foreach (var m in metrics.EnumerateArray())
                periods.AddRange([m.GetProperty("period"), m.TryGetProperty("comparison", out var mc) && mc.ValueKind == JsonValueKind.Object ? mc.GetProperty("period") : default]);
        foreach (var p in periods)
        {
            if (p.ValueKind != JsonValueKind.Object) continue;
            var period = new Period(DateOnly.Parse(p.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(p.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture), p.GetProperty("label").GetString()!);
            // "…: the data starts on Mar 3, 2022" when the comparison comes before the data.
            if (json.TryGetProperty("comparison", out var dc) && dc.ValueKind == JsonValueKind.Object && dc.TryGetProperty("data_starts", out var starts))
                yield return [f.Date(DateOnly.Parse(starts.GetString()!, System.Globalization.CultureInfo.InvariantCulture), true)];
            // A stock (ARR) is read on its period's last day: "ARR on Nov 27, 2026".
            yield return [period.Label, f.DateRange(period), f.RangePhrase(period), f.Date(period.End, true)];
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

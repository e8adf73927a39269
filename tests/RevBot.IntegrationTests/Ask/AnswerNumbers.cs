using System.Text.Json;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.IntegrationTests.Ask;

/// <summary>
/// The number check of <see cref="NumberConsistencyTests"/>, shared with the dataset suite: what is left of an answer's
/// text once each JSON number (in every way the formatter writes it), the period's dates and the names shown are taken out.
/// </summary>
public static class AnswerNumbers
{
    /// <summary>The answer's text, and what remains of it: no digit may remain.</summary>
    public static (string Text, string Remainder) Unaccounted(JsonElement json)
    {
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
        // "with no earlier data to compare with: the data starts on Oct 20, 2016".
        if (json.TryGetProperty("comparison", out var cmp) && cmp.ValueKind == JsonValueKind.Object && cmp.TryGetProperty("data_starts", out var starts))
            allowed.Add(f.Date(DateOnly.Parse(starts.GetString()!, System.Globalization.CultureInfo.InvariantCulture), true));
        // A breakdown shows its first rows and says how many more there are ("and 25 more").
        if (json.TryGetProperty("breakdown", out var rows) && rows.ValueKind == JsonValueKind.Array)
        {
            var shown = rows.EnumerateArray().Count(r => text.Contains(r.GetProperty("label").GetString()!, StringComparison.Ordinal));
            var more = rows.GetArrayLength() - shown;
            allowed.Add(f.Language == "es" ? $" y {more} más" : $" and {more} more");
            // Loss reasons by region: each group shows its top reasons and says how many more it has.
            foreach (var row in rows.EnumerateArray())
                if (row.TryGetProperty("breakdown", out var inner) && inner.ValueKind == JsonValueKind.Array)
                    for (var k = 1; k <= inner.GetArrayLength(); k++)
                        allowed.Add(f.Language == "es" ? $" y {k} {(k == 1 ? "motivo" : "motivos")} más" : $" and {k} more {(k == 1 ? "reason" : "reasons")}");
        }

        var rest = text;
        foreach (var s in allowed.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length)) rest = rest.Replace(s, "", StringComparison.Ordinal);
        // List answers number their rows ("1. West $2M; 2. …").
        rest = System.Text.RegularExpressions.Regex.Replace(rest, @"(^|; |: )\d+\. ", "$1");
        return (text, rest);
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
        // A forecast states how it was computed: every number of its "forecast" object.
        if (json.TryGetProperty("forecast", out var forecast) && forecast.ValueKind == JsonValueKind.Object)
            foreach (var n in AllNumbers(forecast)) yield return n;
        // "Forecast by region": each group's own forecast (its deals driving it and its risks).
        foreach (var group in GroupForecasts(json))
            foreach (var n in AllNumbers(group)) yield return n;
        // A ranked list says how many rows it shows ("Top 5 reps by …").
        if (json.TryGetProperty("items", out var shown) && shown.ValueKind == JsonValueKind.Array) yield return shown.GetArrayLength();
        foreach (var list in new[] { "breakdown", "items" })
            if (json.TryGetProperty(list, out var rows) && rows.ValueKind == JsonValueKind.Array)
                foreach (var row in Rows(rows))
                    foreach (var name in new[] { "value", "count", "amount", "share", "before", "after" })
                        if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) yield return v.GetDecimal();
    }

    private static IEnumerable<decimal> AllNumbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDecimal()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllNumbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllNumbers),
        _ => [],
    };

    /// <summary>A list's rows and, for a breakdown within each group ("loss reasons by region"), each group's own rows.</summary>
    private static IEnumerable<JsonElement> Rows(JsonElement rows)
    {
        foreach (var row in rows.EnumerateArray())
        {
            yield return row;
            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("breakdown", out var inner) && inner.ValueKind == JsonValueKind.Array)
                foreach (var innerRow in inner.EnumerateArray()) yield return innerRow;
        }
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
        // A filter is stated by name: a product or a region is its own value ("GTK 500"); a rep's email is not shown.
        if (json.TryGetProperty("filters", out var filters) && filters.ValueKind == JsonValueKind.Object)
            foreach (var filter in filters.EnumerateObject())
                if (filter.Value.ValueKind == JsonValueKind.String) yield return filter.Value.GetString()!;
        foreach (var list in new[] { "breakdown", "items", "metrics" })
            if (json.TryGetProperty(list, out var rows) && rows.ValueKind == JsonValueKind.Array)
                foreach (var row in Rows(rows))
                    foreach (var name in new[] { "label", "name" })
                        if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) yield return v.GetString()!;
        // The deals driving a forecast (and each group's), by name.
        var forecasts = GroupForecasts(json).ToList();
        if (json.TryGetProperty("forecast", out var forecast) && forecast.ValueKind == JsonValueKind.Object) forecasts.Add(forecast);
        foreach (var f in forecasts)
            if (f.TryGetProperty("topDeals", out var deals))
                foreach (var deal in deals.EnumerateArray())
                    if (deal.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) yield return n.GetString()!;
    }

    private static IEnumerable<JsonElement> GroupForecasts(JsonElement json)
    {
        if (!json.TryGetProperty("breakdown", out var rows) || rows.ValueKind != JsonValueKind.Array) yield break;
        foreach (var row in rows.EnumerateArray())
            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("forecast", out var f) && f.ValueKind == JsonValueKind.Object) yield return f;
    }

    private static IEnumerable<IEnumerable<string>> Periods(JsonElement json)
    {
        var f = new AnswerFormatter(json.GetProperty("language").GetString()!, "USD");
        var periods = new List<JsonElement> { json.TryGetProperty("period", out var a) ? a : default, json.TryGetProperty("comparison", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("period") : default };
        // A scorecard's metrics each have their own period and comparison.
        if (json.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array)
            foreach (var m in metrics.EnumerateArray())
                periods.AddRange([m.GetProperty("period"), m.TryGetProperty("comparison", out var mc) && mc.ValueKind == JsonValueKind.Object ? mc.GetProperty("period") : default]);
        foreach (var p in periods)
        {
            if (p.ValueKind != JsonValueKind.Object) continue;
            var period = new Period(DateOnly.Parse(p.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(p.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture), p.GetProperty("label").GetString()!);
            // A stock (ARR) is read on its period's last day: "ARR on Nov 27, 2026".
            yield return [period.Label, f.DateRange(period), f.RangePhrase(period), f.Date(period.End, true)];
        }
    }

    public static MetricUnit Unit(string? unit) => unit switch
    {
        "ratio" => MetricUnit.Ratio,
        "multiple" => MetricUnit.Multiple,
        "currency" => MetricUnit.Currency,
        "days" => MetricUnit.Days,
        "currency_per_day" => MetricUnit.CurrencyPerDay,
        _ => MetricUnit.Count,
    };
}

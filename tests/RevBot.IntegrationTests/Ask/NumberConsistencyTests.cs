using System.Text.Json;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;

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
        "win rate on deals above $100k", "tasa de cierre en negocios entre 10 mil y 50 mil", "top 10 open deals over 200k", "bookings by region excluding EMEA", "why did we lose deals last quarter excluding EMEA", "why did we lose deals over 50k last quarter",
        // The ARR bridge (issue 17): its legs and the accounts behind them.
        "new ARR last quarter", "expansion ARR by segment last quarter", "churned ARR this year", "ARR de contracción el trimestre pasado",
        "customers who churned last quarter", "which accounts downgraded this year", "¿qué clientes ampliaron su contrato este año?",
        // Loss reasons as filters and by group (issue 17, section 3).
        "deals lost to price this year", "lost amount due to the competition this year", "tratos perdidos por precio este año", "deals lost to price or competitors this year",
        "loss reasons by region this year", "why did we lose by rep this year", "lost revenue reasons by region this year", "motivos de pérdida por región este año", "top 1 reason we lost deals by segment this year",
        // feat/17-reader: new customers listed, exclusions on bridge lists and scorecards.
        "list new customers last quarter", "lista de clientes nuevos del último trimestre", "customers who churned this year excluding EMEA",
        "how are we doing this quarter excluding EMEA", "¿cómo vamos este trimestre sin EMEA?",
        // Issue 21, part FM: the forecast's explanation, the weighted forecast, the forecast against quota and its gap.
        "forecast by region this quarter", "weighted forecast this quarter", "forecast vs quota this quarter", "¿llegamos a la cuota?",
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Every_number_in_the_text_is_a_json_value(string question)
    {
        var json = await host.AskAsync(question, asOf: "2026-11-27");
        Assert.True(json.GetProperty("understood").GetBoolean(), $"not understood: {json.GetProperty("text").GetString()}");
        var (text, rest) = AnswerNumbers.Unaccounted(json);
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
        var unit = AnswerNumbers.Unit(json.GetProperty("unit").GetString());
        var value = f.Value(json.GetProperty("value").GetDecimal(), unit);
        var phrase = expected.Replace("{d}", Count("denominator"), StringComparison.Ordinal).Replace("{n}", Count("numerator"), StringComparison.Ordinal)
            .Replace("{v}", value, StringComparison.Ordinal);
        Assert.Contains(phrase, json.GetProperty("text").GetString(), StringComparison.Ordinal);
        if (json.GetProperty("metric").GetString() == "ltv_to_cac") Assert.EndsWith("×", value, StringComparison.Ordinal);
    }
}

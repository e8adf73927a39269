using System.Text.Json;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// The phrases an answer must contain so that each count carries its real unit (issue 17, section 2): a win rate's
/// "12 won of 19 closed", an average's deals as its denominator, ARR's active subscriptions (not "customers"),
/// retention's starting ARR. A ranked list names its metric and period.
/// </summary>
public static class UnitWords
{
    public static IEnumerable<string> Expected(JsonElement json)
    {
        var es = json.GetProperty("language").GetString() == "es";
        var f = new AnswerFormatter(es ? "es" : "en", "USD");
        var metric = json.GetProperty("metric").GetString()!;
        // A trend is a row of values, one per month or quarter, each named by its period.
        if (json.TryGetProperty("groupBy", out var by) && by.ValueKind == JsonValueKind.String && by.GetString() == "period")
        {
            foreach (var point in json.GetProperty("breakdown").EnumerateArray()) yield return point.GetProperty("label").GetString()!;
            yield break;
        }
        if (json.GetProperty("intent").GetString() == "list")
        {
            yield return (es ? "por " : "by ") + (es ? MetricCatalog.Get(metric).Name("es") : MetricCatalog.Get(metric).Name("en"));
            yield return json.GetProperty("period").GetProperty("label").GetString()!;
            yield break;
        }
        string N(string name) => f.Count(json.GetProperty(name).GetDecimal());
        string Money(string name) => f.Magnitude(json.GetProperty(name).GetDecimal(), MetricUnit.Currency);
        switch (metric)
        {
            case "win_rate": yield return es ? $"{N("numerator")} ganados de {N("denominator")} cerrados" : $"{N("numerator")} won of {N("denominator")} closed"; break;
            case "win_rate_value": yield return es ? $"{Money("numerator")} ganados de {Money("denominator")} cerrados" : $"{Money("numerator")} won of {Money("denominator")} closed"; break;
            case "bookings": yield return es ? $"({N("numerator")} negocios ganados)" : $"({N("numerator")} deals won)"; break;
            case "avg_deal_size": yield return es ? $"({N("denominator")} negocios ganados)" : $"({N("denominator")} deals won)"; break;
            case "avg_sales_cycle_days": yield return es ? $"media de {N("denominator")} negocios ganados" : $"average of {N("denominator")} deals won"; break;
            case "pipeline" or "pipeline_created": yield return es ? $"({N("numerator")} negocios)" : $"({N("numerator")} deals)"; break;
            case "arr" or "mrr": yield return es ? $"({N("numerator")} suscripciones activas)" : $"({N("numerator")} active subscriptions)"; break;
            case "nrr" or "grr" or "revenue_churn_rate":
                yield return es ? $"({Money("numerator")} de {Money("denominator")} de ARR inicial)" : $"({Money("numerator")} of {Money("denominator")} starting ARR)"; break;
            case "logo_churn_rate": yield return es ? $"({N("numerator")} de {N("denominator")} clientes perdidos)" : $"({N("numerator")} of {N("denominator")} customers lost)"; break;
        }
    }
}

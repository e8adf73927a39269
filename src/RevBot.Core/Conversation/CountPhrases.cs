using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// How the counts behind a metric read ("1,196 won of 1,985 closed"). Each phrase uses only the numerator and
/// denominator the engine returned, so every number in the text is one of the answer's JSON values.
/// </summary>
internal static class CountPhrases
{
    public static string? For(string metric, MetricValue value, AnswerFormatter f)
    {
        if (value.Numerator is not { } n) return null;
        var es = f.Spanish;
        var c = f.Count(n);
        var d = value.Denominator is { } den ? f.Count(den) : null;
        var m = f.Money(n);
        var md = value.Denominator is { } den2 ? f.Money(den2) : null;
        return metric switch
        {
            "win_rate" when d is not null => es ? $"{c} ganados de {d} cerrados" : $"{c} won of {d} closed",
            "renewal_rate" when d is not null => es ? $"{c} renovaciones ganadas de {d} cerradas" : $"{c} renewals won of {d} closed",
            "win_rate_value" when md is not null => es ? $"{m} ganados de {md} cerrados" : $"{m} won of {md} closed",
            "bookings" => es ? $"{c} negocios ganados" : $"{c} deals won",
            // An average's numerator is the total (won amount, cycle days): the deals are its denominator.
            "avg_deal_size" when d is not null => es ? $"{d} negocios ganados" : $"{d} deals won",
            "pipeline" or "weighted_pipeline" or "pipeline_created" => es ? $"{c} negocios" : $"{c} deals",
            "avg_sales_cycle_days" when d is not null => es ? $"media de {d} negocios ganados" : $"average of {d} deals won",
            "customers" => es ? $"{c} clientes" : $"{c} customers",
            // ARR and MRR sum active subscriptions, and one customer may hold several: the count is of subscriptions.
            "arr" or "mrr" => es ? $"{c} suscripciones activas" : $"{c} active subscriptions",
            // The bridge legs count the accounts that moved that way.
            "new_arr" => es ? $"{c} {(n == 1 ? "cliente nuevo" : "clientes nuevos")}" : $"{c} new {(n == 1 ? "customer" : "customers")}",
            "expansion_arr" => es ? $"{c} {(n == 1 ? "cliente amplió" : "clientes ampliaron")}" : $"{c} {(n == 1 ? "customer" : "customers")} expanded",
            "contraction_arr" => es ? $"{c} {(n == 1 ? "cliente redujo" : "clientes redujeron")}" : $"{c} {(n == 1 ? "customer" : "customers")} downgraded",
            "churned_arr" => es ? $"{c} {(n == 1 ? "cliente se dio" : "clientes se dieron")} de baja" : $"{c} {(n == 1 ? "customer" : "customers")} churned",
            "ltv_to_cac" when md is not null => es ? $"LTV {m} ÷ CAC {md}" : $"LTV {m} ÷ CAC {md}",
            "nrr" or "grr" or "revenue_churn_rate" when md is not null => es ? $"{m} de {md} de ARR inicial" : $"{m} of {md} starting ARR",
            "logo_churn_rate" when d is not null => es ? $"{c} de {d} clientes perdidos" : $"{c} of {d} customers lost",
            "expansion_rate" when d is not null => es ? $"{c} de {d} clientes ampliaron" : $"{c} of {d} customers expanded",
            "quota_attainment" when md is not null => es ? $"{m} de ventas cerradas de una cuota de {md}" : $"{m} bookings of a {md} quota",
            // No quota loaded: the bookings are still stated, never an attainment of 0.
            "quota_attainment" => es ? $"ventas cerradas {m}" : $"bookings {m}",
            "pipeline_coverage" when md is null => es ? $"pipeline {m}" : $"pipeline {m}",
            "pipeline_coverage" when md is not null => es ? $"{m} de pipeline para {md} pendientes" : $"{m} pipeline for {md} to go",
            "cac" when d is not null => es ? $"{m} de gasto para {d} clientes nuevos" : $"{m} spend for {d} new customers",
            "forecast_accuracy" when md is not null => es ? $"previsión {m}, real {md}" : $"forecast {m}, actual {md}",
            "forecast" when md is not null => es ? $"{m} cerrados + {md} ponderados" : $"{m} closed + {md} weighted",
            _ when d is not null => $"{c} / {d}",
            _ => null,
        };
    }
}

using RevBot.Core.Answers;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// How the counts behind a metric read ("1,196 won of 1,985 closed"), by the wording its definition carries
/// (<see cref="MetricDefinition.Counts"/>). Each phrase uses only the numerator and denominator the engine returned, so
/// every number in the text is one of the answer's JSON values.
/// </summary>
internal static class CountPhrases
{
    public static string? For(MetricDefinition metric, MetricValue value, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (value.Numerator is not { } n) return null;
        var es = f.Spanish;
        var c = f.Count(n);
        var d = value.Denominator is { } den ? f.Count(den) : null;
        var m = f.Money(n);
        var md = value.Denominator is { } den2 ? f.Money(den2) : null;
        ArrMovements.TryFromMetric(metric.Id, out var movement);
        return metric.Counts switch
        {
            CountWording.WonOfClosed when d is not null => es ? $"{c} ganados de {d} cerrados" : $"{c} won of {d} closed",
            CountWording.RenewalsWonOfClosed when d is not null => es ? $"{c} renovaciones ganadas de {d} cerradas" : $"{c} renewals won of {d} closed",
            CountWording.AmountWonOfClosed when md is not null => es ? $"{m} ganados de {md} cerrados" : $"{m} won of {md} closed",
            CountWording.DealsWon => es ? $"{c} negocios ganados" : $"{c} deals won",
            // An average's numerator is the total (won amount, cycle days): the deals are its denominator.
            CountWording.DealsWonBehindAverage when d is not null => es ? $"{d} negocios ganados" : $"{d} deals won",
            CountWording.Deals => es ? $"{c} negocios" : $"{c} deals",
            CountWording.AverageOfDealsWon when d is not null => es ? $"media de {d} negocios ganados" : $"average of {d} deals won",
            CountWording.Customers => es ? $"{c} clientes" : $"{c} customers",
            // ARR and MRR sum active subscriptions, and one customer may hold several: the count is of subscriptions.
            CountWording.ActiveSubscriptions => es ? $"{c} suscripciones activas" : $"{c} active subscriptions",
            // The bridge legs count the accounts that moved that way.
            CountWording.BridgeAccounts when movement == ArrMovement.New => es ? $"{c} {(n == 1 ? "cliente nuevo" : "clientes nuevos")}" : $"{c} new {(n == 1 ? "customer" : "customers")}",
            CountWording.BridgeAccounts when movement == ArrMovement.Expansion => es ? $"{c} {(n == 1 ? "cliente amplió" : "clientes ampliaron")}" : $"{c} {(n == 1 ? "customer" : "customers")} expanded",
            CountWording.BridgeAccounts when movement == ArrMovement.Contraction => es ? $"{c} {(n == 1 ? "cliente redujo" : "clientes redujeron")}" : $"{c} {(n == 1 ? "customer" : "customers")} downgraded",
            CountWording.BridgeAccounts when movement == ArrMovement.Churn => es ? $"{c} {(n == 1 ? "cliente se dio" : "clientes se dieron")} de baja" : $"{c} {(n == 1 ? "customer" : "customers")} churned",
            CountWording.LtvOverCac when md is not null => es ? $"LTV {m} ÷ CAC {md}" : $"LTV {m} ÷ CAC {md}",
            CountWording.OfStartingArr when md is not null => es ? $"{m} de {md} de ARR inicial" : $"{m} of {md} starting ARR",
            CountWording.CustomersLost when d is not null => es ? $"{c} de {d} clientes perdidos" : $"{c} of {d} customers lost",
            CountWording.CustomersExpanded when d is not null => es ? $"{c} de {d} clientes ampliaron" : $"{c} of {d} customers expanded",
            CountWording.BookingsOfQuota when md is not null => es ? $"{m} de ventas cerradas de una cuota de {md}" : $"{m} bookings of a {md} quota",
            // No quota loaded: the bookings are still stated, never an attainment of 0.
            CountWording.BookingsOfQuota => es ? $"ventas cerradas {m}" : $"bookings {m}",
            CountWording.PipelineToGo when md is null => es ? $"pipeline {m}" : $"pipeline {m}",
            CountWording.PipelineToGo when md is not null => es ? $"{m} de pipeline para {md} pendientes" : $"{m} pipeline for {md} to go",
            CountWording.SpendForNewCustomers when d is not null => es ? $"{m} de gasto para {d} clientes nuevos" : $"{m} spend for {d} new customers",
            CountWording.ForecastVsActual when md is not null => es ? $"previsión {m}, real {md}" : $"forecast {m}, actual {md}",
            CountWording.ClosedPlusWeighted when md is not null => es ? $"{m} cerrados + {md} ponderados" : $"{m} closed + {md} weighted",
            _ when d is not null => $"{c} / {d}",
            _ => null,
        };
    }
}

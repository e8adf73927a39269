using System.Collections.Frozen;

namespace RevBot.Core.Metrics;

/// <summary>
/// Every metric RevBot answers, with the one definition that docs/metrics.md, the "how is X calculated?" answer and
/// the engine's implementation all follow.
/// </summary>
public static class MetricCatalog
{
    private static MetricDefinition M(string id, MetricUnit unit, bool pointInTime, string en, string es, string defEn, string defEs, bool higherIsBetter = true) =>
        new(id, unit, pointInTime, en, es, defEn, defEs) { HigherIsBetter = higherIsBetter };

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        M("win_rate", MetricUnit.Ratio, false, "win rate", "tasa de cierre",
            "Deals won ÷ (won + lost), over deals whose close time falls in the period.",
            "Negocios ganados ÷ (ganados + perdidos), de los negocios cerrados en el periodo."),
        M("win_rate_value", MetricUnit.Ratio, false, "win rate by value", "tasa de cierre por importe",
            "Amount won ÷ (amount won + amount lost), over deals closed in the period.",
            "Importe ganado ÷ (importe ganado + importe perdido), de los negocios cerrados en el periodo."),
        M("bookings", MetricUnit.Currency, false, "bookings", "ventas cerradas",
            "Sum of the amount of deals won (closed) in the period.",
            "Suma del importe de los negocios ganados en el periodo."),
        M("deals_won", MetricUnit.Count, false, "deals won", "negocios ganados",
            "Number of deals won in the period.",
            "Número de negocios ganados en el periodo."),
        M("deals_lost", MetricUnit.Count, false, "deals lost", "negocios perdidos",
            "Number of deals lost in the period.",
            "Número de negocios perdidos en el periodo.", higherIsBetter: false),
        M("lost_amount", MetricUnit.Currency, false, "lost amount", "importe perdido",
            "Sum of the amount of deals lost in the period.",
            "Suma del importe de los negocios perdidos en el periodo.", higherIsBetter: false),
        M("avg_deal_size", MetricUnit.Currency, false, "average deal size", "tamaño medio de negocio",
            "Bookings ÷ deals won, over the period.",
            "Ventas cerradas ÷ negocios ganados, en el periodo."),
        M("avg_sales_cycle_days", MetricUnit.Days, false, "average sales cycle", "ciclo de venta medio",
            "Mean days from creation to close of the deals won in the period (deals without a creation date are left out).",
            "Media de días desde la creación hasta el cierre de los negocios ganados en el periodo (sin los que no tienen fecha de creación).",
            higherIsBetter: false),
        M("pipeline", MetricUnit.Currency, true, "pipeline", "pipeline",
            "Sum of the amount of open deals whose expected close date falls in the period; with no period, all open deals.",
            "Suma del importe de los negocios abiertos con fecha de cierre prevista en el periodo; sin periodo, todos los abiertos."),
        M("weighted_pipeline", MetricUnit.Currency, true, "weighted pipeline", "pipeline ponderado",
            "Pipeline with each deal weighted by its probability (its own, else its stage's configured default; 0 for a stage not configured).",
            "Pipeline con cada negocio ponderado por su probabilidad (la suya, o la de su etapa; 0 si la etapa no está configurada)."),
        M("pipeline_created", MetricUnit.Currency, false, "pipeline created", "pipeline generado",
            "Sum of the amount of deals created in the period.",
            "Suma del importe de los negocios creados en el periodo."),
        M("forecast", MetricUnit.Currency, false, "forecast", "previsión",
            "Bookings so far in the period + weighted pipeline of open deals closing in the period.",
            "Ventas cerradas en el periodo hasta hoy + pipeline ponderado de los negocios abiertos que cierran en el periodo."),
        M("forecast_accuracy", MetricUnit.Ratio, false, "forecast accuracy", "precisión de la previsión",
            "1 − |F − A| ÷ A, where A is the period's bookings and F the company-wide forecast snapshot for the period taken last on or before its first day (else the first one inside it).",
            "1 − |P − R| ÷ R, donde R son las ventas cerradas del periodo y P la última previsión de la empresa para el periodo tomada hasta su primer día (o la primera dentro de él)."),
        M("quota_attainment", MetricUnit.Ratio, false, "quota attainment", "cumplimiento de cuota",
            "Bookings ÷ quota of the period.",
            "Ventas cerradas ÷ cuota del periodo."),
        M("pipeline_coverage", MetricUnit.Ratio, false, "pipeline coverage", "cobertura de pipeline",
            "Pipeline of the period ÷ (quota − bookings so far).",
            "Pipeline del periodo ÷ (cuota − ventas cerradas hasta hoy)."),
        M("pipeline_velocity", MetricUnit.CurrencyPerDay, false, "pipeline velocity", "velocidad del pipeline",
            "Open deals now × average deal size × win rate ÷ average sales cycle (the last three over the period), in currency per day.",
            "Negocios abiertos × tamaño medio × tasa de cierre ÷ ciclo de venta medio (los tres últimos en el periodo), en importe por día."),
        M("arr", MetricUnit.Currency, true, "ARR", "ARR",
            "12 × the sum of MRR of subscriptions active on the day (start ≤ day < end, or no end); for a period, its last day (or today if sooner).",
            "12 × la suma del MRR de las suscripciones activas ese día (inicio ≤ día < fin, o sin fin); para un periodo, su último día (u hoy si es antes)."),
        M("mrr", MetricUnit.Currency, true, "MRR", "MRR",
            "ARR ÷ 12: the sum of MRR of subscriptions active on the day.",
            "ARR ÷ 12: la suma del MRR de las suscripciones activas ese día."),
        M("customers", MetricUnit.Count, true, "customers", "clientes",
            "Accounts with an active subscription on the day.",
            "Cuentas con una suscripción activa ese día."),
        M("net_new_arr", MetricUnit.Currency, false, "net new ARR", "ARR neto nuevo",
            "ARR at the period's end − ARR on the day before it starts.",
            "ARR al final del periodo − ARR el día antes de empezar."),
        M("new_arr", MetricUnit.Currency, false, "new ARR", "ARR nuevo",
            "ARR at the period's end of the accounts with no active subscription on the day before it starts (new and returning customers).",
            "ARR al final del periodo de las cuentas sin suscripción activa el día antes de empezar (clientes nuevos y que vuelven)."),
        M("expansion_arr", MetricUnit.Currency, false, "expansion ARR", "ARR de expansión",
            "For the accounts active both on the day before the period starts and at its end: the sum of their ARR increases.",
            "De las cuentas activas tanto el día antes del periodo como al final: la suma de lo que subió su ARR."),
        M("contraction_arr", MetricUnit.Currency, false, "contraction ARR", "ARR de contracción",
            "For the accounts active both on the day before the period starts and at its end: the sum of their ARR decreases.",
            "De las cuentas activas tanto el día antes del periodo como al final: la suma de lo que bajó su ARR.", higherIsBetter: false),
        M("churned_arr", MetricUnit.Currency, false, "churned ARR", "ARR perdido",
            "ARR on the day before the period starts of the accounts with no active subscription at its end.",
            "ARR el día antes del periodo de las cuentas sin suscripción activa al final.", higherIsBetter: false),
        M("nrr", MetricUnit.Ratio, false, "net revenue retention", "retención neta de ingresos",
            "For the accounts active the day before the period starts: their ARR at the period's end ÷ their ARR then.",
            "De las cuentas activas el día antes del periodo: su ARR al final ÷ su ARR de entonces."),
        M("grr", MetricUnit.Ratio, false, "gross revenue retention", "retención bruta de ingresos",
            "For the accounts active the day before the period starts: the sum of min(ARR then, ARR at the end) ÷ their ARR then.",
            "De las cuentas activas el día antes del periodo: suma de mín(ARR entonces, ARR al final) ÷ su ARR de entonces."),
        M("revenue_churn_rate", MetricUnit.Ratio, false, "revenue churn rate", "tasa de pérdida de ingresos",
            "1 − gross revenue retention.",
            "1 − retención bruta de ingresos.", higherIsBetter: false),
        M("logo_churn_rate", MetricUnit.Ratio, false, "logo churn rate", "tasa de pérdida de clientes",
            "Share of the accounts active the day before the period starts that have no active subscription at its end.",
            "Proporción de las cuentas activas el día antes del periodo sin suscripción activa al final.", higherIsBetter: false),
        M("renewal_rate", MetricUnit.Ratio, false, "renewal rate", "tasa de renovación",
            "Won ÷ (won + lost) over renewal deals closed in the period.",
            "Ganados ÷ (ganados + perdidos) de los negocios de renovación cerrados en el periodo."),
        M("expansion_rate", MetricUnit.Ratio, false, "expansion rate", "tasa de expansión",
            "Accounts with a won expansion deal closed in the period ÷ customers on the day before the period starts.",
            "Cuentas con un negocio de expansión ganado en el periodo ÷ clientes el día antes del periodo."),
        M("new_customers", MetricUnit.Count, false, "new customers", "clientes nuevos",
            "Accounts whose first won new-business deal closed in the period; a company with no won new-business deal at all counts accounts whose first paid subscription started in the period.",
            "Cuentas cuyo primer negocio nuevo ganado se cerró en el periodo; si la empresa no tiene ningún negocio nuevo ganado, cuentas cuya primera suscripción de pago empezó en el periodo."),
        M("cac", MetricUnit.Currency, false, "customer acquisition cost", "coste de adquisición de clientes",
            "Marketing + sales spend of the months that start in the period ÷ new customers.",
            "Gasto de marketing + ventas de los meses que empiezan en el periodo ÷ clientes nuevos.", higherIsBetter: false),
        M("ltv", MetricUnit.Currency, false, "customer lifetime value", "valor de vida del cliente",
            "ARR per customer at the period's end × gross margin ÷ logo churn rate over the 12 months ending at the period's end.",
            "ARR por cliente al final del periodo × margen bruto ÷ tasa de pérdida de clientes de los 12 meses que acaban al final del periodo."),
        M("ltv_to_cac", MetricUnit.Multiple, false, "LTV to CAC ratio", "relación LTV/CAC",
            "Customer lifetime value ÷ customer acquisition cost, for the period.",
            "Valor de vida del cliente ÷ coste de adquisición, en el periodo."),
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ById = All.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);

    public static MetricDefinition Get(string id) =>
        ById.TryGetValue(id, out var definition) ? definition : throw new ArgumentException($"Unknown metric '{id}'.", nameof(id));

    public static bool TryGet(string? id, out MetricDefinition definition) =>
        ById.TryGetValue(id ?? "", out definition!);
}

using System.Collections.Frozen;
using RevBot.Core.Domain;
using E = RevBot.Core.Metrics.MetricCalculator;
using F = RevBot.Core.Metrics.MetricFormulas;

namespace RevBot.Core.Metrics;

/// <summary>
/// Every metric RevBot answers, each in one definition: the text docs/metrics.md and the "how is X calculated?"
/// answer state, the rows it is computed over and the evaluation the engine runs. Adding a metric is an id in
/// <see cref="MetricIds"/>, a definition here and its phrases (docs/metrics.md, "Adding a metric");
/// MetricDefinitionCoverageTests fails while a part is missing.
/// </summary>
public static class MetricCatalog
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(MetricIds.WinRate, MetricBasis.ClosedDeals, MetricUnit.Ratio, false, "win rate", "tasa de cierre",
            "Deals won ÷ (won + lost), over deals whose close time falls in the period.",
            "Negocios ganados ÷ (ganados + perdidos), de los negocios cerrados en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.ClosedCounts(c, g, ct)).Map(F.WinRate),
            Counts = CountWording.WonOfClosed,
            Family = MetricFamily.ClosedCounts,
        },
        new(MetricIds.WinRateValue, MetricBasis.ClosedDeals, MetricUnit.Ratio, false, "win rate by value", "tasa de cierre por importe",
            "Amount won ÷ (amount won + amount lost), over deals closed in the period.",
            "Importe ganado ÷ (importe ganado + importe perdido), de los negocios cerrados en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.Closed(c, g, ClosedColumns.Amounts, ct)).Map(F.WinRateValue),
            Counts = CountWording.AmountWonOfClosed,
        },
        new(MetricIds.Bookings, MetricBasis.ClosedDeals, MetricUnit.Currency, false, "bookings", "ventas cerradas",
            "Sum of the amount of deals won (closed) in the period.",
            "Suma del importe de los negocios ganados en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.Amounts, ct)).Map(F.Bookings),
            Counts = CountWording.DealsWon,
        },
        new(MetricIds.DealsWon, MetricBasis.ClosedDeals, MetricUnit.Count, false, "deals won", "negocios ganados",
            "Number of deals won in the period.",
            "Número de negocios ganados en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.ClosedCounts(c, g, ct)).Map(F.DealsWon),
            Family = MetricFamily.ClosedCounts,
        },
        new(MetricIds.DealsLost, MetricBasis.LostDeals, MetricUnit.Count, false, "deals lost", "negocios perdidos",
            "Number of deals lost in the period.",
            "Número de negocios perdidos en el periodo.")
        {
            // By or for a loss reason only lost deals count (a won deal has no reason), and lost amount reads the same statement.
            Evaluate = async (c, g, ct) => (await (E.ByLossReason(c, g) ? E.Lost(c, g, ct) : E.ClosedCounts(c, g, ct))).Map(F.DealsLost),
            HigherIsBetter = false,
            Family = MetricFamily.ClosedCounts,
        },
        new(MetricIds.LostAmount, MetricBasis.LostDeals, MetricUnit.Currency, false, "lost amount", "importe perdido",
            "Sum of the amount of deals lost in the period.",
            "Suma del importe de los negocios perdidos en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.Lost(c, g, ct)).Map(F.LostAmount),
            HigherIsBetter = false,
        },
        new(MetricIds.AvgDealSize, MetricBasis.ClosedDeals, MetricUnit.Currency, false, "average deal size", "tamaño medio de negocio",
            "Bookings ÷ deals won, over the period.",
            "Ventas cerradas ÷ negocios ganados, en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.Amounts, ct)).Map(F.AverageDealSize),
            Counts = CountWording.DealsWonBehindAverage,
        },
        new(MetricIds.AvgSalesCycleDays, MetricBasis.ClosedDeals, MetricUnit.Days, false, "average sales cycle", "ciclo de venta medio",
            "Mean days from creation to close of the deals won in the period (deals without a creation date are left out).",
            "Media de días desde la creación hasta el cierre de los negocios ganados en el periodo (sin los que no tienen fecha de creación).")
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.All, ct)).Map(F.SalesCycleDays),
            HigherIsBetter = false,
            Counts = CountWording.AverageOfDealsWon,
        },
        new(MetricIds.Pipeline, MetricBasis.OpenDeals, MetricUnit.Currency, true, "pipeline", "pipeline",
            "Sum of the amount of open deals whose expected close date falls in the period; with no period, all open deals.",
            "Suma del importe de los negocios abiertos con fecha de cierre prevista en el periodo; sin periodo, todos los abiertos.")
        {
            Evaluate = async (c, g, ct) => (await DealQueries.OpenAsync(c, g, inPeriod: true, ct)).Map(F.Pipeline),
        },
        new(MetricIds.WeightedPipeline, MetricBasis.OpenDeals, MetricUnit.Currency, true, "weighted pipeline", "pipeline ponderado",
            "Pipeline with each deal weighted by its probability (its own, else its stage's configured default; 0 for a stage not configured).",
            "Pipeline con cada negocio ponderado por su probabilidad (la suya, o la de su etapa; 0 si la etapa no está configurada).")
        {
            Evaluate = async (c, g, ct) => (await DealQueries.OpenAsync(c, g, inPeriod: true, ct)).Map(F.WeightedPipeline),
        },
        new(MetricIds.PipelineCreated, MetricBasis.CreatedDeals, MetricUnit.Currency, false, "pipeline created", "pipeline generado",
            "Sum of the amount of deals created in the period.",
            "Suma del importe de los negocios creados en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await DealQueries.CreatedAsync(c, g, ct)).Map(F.Created),
        },
        new(MetricIds.Forecast, MetricBasis.OpenDeals, MetricUnit.Currency, false, "forecast", "previsión",
            "Bookings so far in the period + weighted pipeline of open deals closing in the period.",
            "Ventas cerradas en el periodo hasta hoy + pipeline ponderado de los negocios abiertos que cierran en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.WonSoFar(c, g, ct)).Zip(await DealQueries.OpenAsync(c, g, inPeriod: true, ct), ClosedStats.Empty, OpenStats.Empty, F.Forecast),
            Counts = CountWording.ClosedPlusWeighted,
        },
        new(MetricIds.ForecastAccuracy, MetricBasis.ForecastSnapshots, MetricUnit.Ratio, false, "forecast accuracy", "precisión de la previsión",
            "1 − |F − A| ÷ A, where A is the period's bookings and F the company-wide forecast snapshot for the period taken last on or before its first day (else the first one inside it).",
            "1 − |P − R| ÷ R, donde R son las ventas cerradas del periodo y P la última previsión de la empresa para el periodo tomada hasta su primer día (o la primera dentro de él).")
        {
            Evaluate = (c, _, ct) => E.ForecastAccuracyAsync(c, ct),
            Counts = CountWording.ForecastVsActual,
        },
        new(MetricIds.QuotaAttainment, MetricBasis.Quotas, MetricUnit.Ratio, false, "quota attainment", "cumplimiento de cuota",
            "Bookings ÷ quota of the period.",
            "Ventas cerradas ÷ cuota del periodo.")
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.Amounts, ct)).Zip(await PlanQueries.QuotaAsync(c, g, ct), ClosedStats.Empty, null, F.QuotaAttainment),
            Counts = CountWording.BookingsOfQuota,
        },
        new(MetricIds.PipelineCoverage, MetricBasis.Quotas, MetricUnit.Ratio, false, "pipeline coverage", "cobertura de pipeline",
            "Pipeline of the period ÷ (quota − bookings so far).",
            "Pipeline del periodo ÷ (cuota − ventas cerradas hasta hoy).")
        {
            Evaluate = E.PipelineCoverageAsync,
            Counts = CountWording.PipelineToGo,
        },
        new(MetricIds.PipelineVelocity, MetricBasis.ClosedDeals, MetricUnit.CurrencyPerDay, false, "pipeline velocity", "velocidad del pipeline",
            "Open deals now × average deal size × win rate ÷ average sales cycle (the last three over the period), in currency per day.",
            "Negocios abiertos × tamaño medio × tasa de cierre ÷ ciclo de venta medio (los tres últimos en el periodo), en importe por día.")
        {
            // "Open deals now": every open deal, whatever its expected close date.
            Evaluate = async (c, g, ct) => (await DealQueries.OpenCountAsync(c, g, ct)).Zip(await E.Closed(c, g, ClosedColumns.All, ct), OpenStats.Empty, ClosedStats.Empty, (o, s) => F.PipelineVelocity(o.Count, s)),
        },
        new(MetricIds.Arr, MetricBasis.Subscriptions, MetricUnit.Currency, true, "ARR", "ARR",
            "12 × the sum of MRR of subscriptions active on the day (start ≤ day < end, or no end); for a period, its last day (or today if sooner).",
            "12 × la suma del MRR de las suscripciones activas ese día (inicio ≤ día < fin, o sin fin); para un periodo, su último día (u hoy si es antes).")
        {
            Evaluate = async (c, g, ct) => (await E.Active(c, g, c.Window.SnapshotDay, ct)).Map(F.Arr),
            Counts = CountWording.ActiveSubscriptions,
        },
        new(MetricIds.Mrr, MetricBasis.Subscriptions, MetricUnit.Currency, true, "MRR", "MRR",
            "ARR ÷ 12: the sum of MRR of subscriptions active on the day.",
            "ARR ÷ 12: la suma del MRR de las suscripciones activas ese día.")
        {
            Evaluate = async (c, g, ct) => (await E.Active(c, g, c.Window.SnapshotDay, ct)).Map(F.Mrr),
            Counts = CountWording.ActiveSubscriptions,
        },
        new(MetricIds.Customers, MetricBasis.Subscriptions, MetricUnit.Count, true, "customers", "clientes",
            "Accounts with an active subscription on the day.",
            "Cuentas con una suscripción activa ese día.")
        {
            Evaluate = async (c, g, ct) => (await SubscriptionQueries.ActiveAsync(c, g, c.Window.SnapshotDay, countAccounts: true, ct)).Map(F.Customers),
            Counts = CountWording.Customers,
        },
        new(MetricIds.NetNewArr, MetricBasis.Subscriptions, MetricUnit.Currency, false, "net new ARR", "ARR neto nuevo",
            "ARR at the period's end − ARR on the day before it starts.",
            "ARR al final del periodo − ARR el día antes de empezar.")
        {
            Evaluate = async (c, g, ct) => (await E.Active(c, g, c.Window.SnapshotDay, ct))
                    .Zip(await E.Active(c, g, c.Window.DayBeforeStart(c.Metric), ct), SubscriptionStats.Empty, SubscriptionStats.Empty, F.NetNewArr),
        },
        new(MetricIds.NewArr, MetricBasis.ArrBridge, MetricUnit.Currency, false, "new ARR", "ARR nuevo",
            "ARR at the period's end of the accounts with no active subscription on the day before it starts (new and returning customers).",
            "ARR al final del periodo de las cuentas sin suscripción activa el día antes de empezar (clientes nuevos y que vuelven).")
        {
            Evaluate = E.BridgeLegAsync,
        },
        new(MetricIds.ExpansionArr, MetricBasis.ArrBridge, MetricUnit.Currency, false, "expansion ARR", "ARR de expansión",
            "For the accounts active both on the day before the period starts and at its end: the sum of their ARR increases.",
            "De las cuentas activas tanto el día antes del periodo como al final: la suma de lo que subió su ARR.")
        {
            Evaluate = E.BridgeLegAsync,
        },
        new(MetricIds.ContractionArr, MetricBasis.ArrBridge, MetricUnit.Currency, false, "contraction ARR", "ARR de contracción",
            "For the accounts active both on the day before the period starts and at its end: the sum of their ARR decreases.",
            "De las cuentas activas tanto el día antes del periodo como al final: la suma de lo que bajó su ARR.")
        {
            Evaluate = E.BridgeLegAsync,
            HigherIsBetter = false,
        },
        new(MetricIds.ChurnedArr, MetricBasis.ArrBridge, MetricUnit.Currency, false, "churned ARR", "ARR perdido",
            "ARR on the day before the period starts of the accounts with no active subscription at its end.",
            "ARR el día antes del periodo de las cuentas sin suscripción activa al final.")
        {
            Evaluate = E.BridgeLegAsync,
            HigherIsBetter = false,
        },
        new(MetricIds.Nrr, MetricBasis.Cohorts, MetricUnit.Ratio, false, "net revenue retention", "retención neta de ingresos",
            "For the accounts active the day before the period starts: their ARR at the period's end ÷ their ARR then.",
            "De las cuentas activas el día antes del periodo: su ARR al final ÷ su ARR de entonces.")
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.Nrr),
        },
        new(MetricIds.Grr, MetricBasis.Cohorts, MetricUnit.Ratio, false, "gross revenue retention", "retención bruta de ingresos",
            "For the accounts active the day before the period starts: the sum of min(ARR then, ARR at the end) ÷ their ARR then.",
            "De las cuentas activas el día antes del periodo: suma de mín(ARR entonces, ARR al final) ÷ su ARR de entonces.")
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.Grr),
        },
        new(MetricIds.RevenueChurnRate, MetricBasis.Cohorts, MetricUnit.Ratio, false, "revenue churn rate", "tasa de pérdida de ingresos",
            "1 − gross revenue retention.",
            "1 − retención bruta de ingresos.")
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.RevenueChurn),
            HigherIsBetter = false,
        },
        new(MetricIds.LogoChurnRate, MetricBasis.Cohorts, MetricUnit.Ratio, false, "logo churn rate", "tasa de pérdida de clientes",
            "Share of the accounts active the day before the period starts that have no active subscription at its end.",
            "Proporción de las cuentas activas el día antes del periodo sin suscripción activa al final.")
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.LogoChurn),
            HigherIsBetter = false,
            Counts = CountWording.CustomersLost,
        },
        new(MetricIds.RenewalRate, MetricBasis.ClosedDeals, MetricUnit.Ratio, false, "renewal rate", "tasa de renovación",
            "Won ÷ (won + lost) over renewal deals closed in the period.",
            "Ganados ÷ (ganados + perdidos) de los negocios de renovación cerrados en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, ClosedColumns.Counts) with { Type = c.Metric.DealType }, ct)).Map(F.WinRate),
            DealType = DealType.Renewal,
            Counts = CountWording.RenewalsWonOfClosed,
        },
        new(MetricIds.ExpansionRate, MetricBasis.DealAccounts, MetricUnit.Ratio, false, "expansion rate", "tasa de expansión",
            "Accounts with a won expansion deal closed in the period ÷ customers on the day before the period starts.",
            "Cuentas con un negocio de expansión ganado en el periodo ÷ clientes el día antes del periodo.")
        {
            Evaluate = async (c, g, ct) => (await DealQueries.ExpandedAccountsAsync(c, g, ct))
                    .Zip(await SubscriptionQueries.ActiveAsync(c, g, c.Window.DayBeforeStart(c.Metric), countAccounts: true, ct), 0L, SubscriptionStats.Empty, (n, s) => F.Ratio(n, s.Accounts)),
            DealType = DealType.Expansion,
            Counts = CountWording.CustomersExpanded,
        },
        new(MetricIds.NewCustomers, MetricBasis.NewCustomers, MetricUnit.Count, false, "new customers", "clientes nuevos",
            "Accounts whose first won new-business deal closed in the period; a company with no won new-business deal at all counts accounts whose first paid subscription started in the period.",
            "Cuentas cuyo primer negocio nuevo ganado se cerró en el periodo; si la empresa no tiene ningún negocio nuevo ganado, cuentas cuya primera suscripción de pago empezó en el periodo.")
        {
            Evaluate = async (c, g, ct) => (await NewCustomerQueries.CountAsync(c, g, ct)).Map(F.Count),
        },
        new(MetricIds.Cac, MetricBasis.Spend, MetricUnit.Currency, false, "customer acquisition cost", "coste de adquisición de clientes",
            "Marketing + sales spend of the months that start in the period ÷ new customers.",
            "Gasto de marketing + ventas de los meses que empiezan en el periodo ÷ clientes nuevos.")
        {
            Evaluate = async (c, _, ct) => Grouped<MetricValue>.Single(await E.CacAsync(c, ct)),
            HigherIsBetter = false,
            Counts = CountWording.SpendForNewCustomers,
        },
        new(MetricIds.Ltv, MetricBasis.Subscriptions, MetricUnit.Currency, false, "customer lifetime value", "valor de vida del cliente",
            "ARR per customer at the period's end × gross margin ÷ logo churn rate over the 12 months ending at the period's end.",
            "ARR por cliente al final del periodo × margen bruto ÷ tasa de pérdida de clientes de los 12 meses que acaban al final del periodo.")
        {
            Evaluate = E.LtvAsync,
        },
        new(MetricIds.LtvToCac, MetricBasis.Spend, MetricUnit.Multiple, false, "LTV to CAC ratio", "relación LTV/CAC",
            "Customer lifetime value ÷ customer acquisition cost, for the period.",
            "Valor de vida del cliente ÷ coste de adquisición, en el periodo.")
        {
            Evaluate = async (c, _, ct) => Grouped<MetricValue>.Single(F.LtvToCac((await E.LtvAsync(c, null, ct)).Total, await E.CacAsync(c, ct))),
            Counts = CountWording.LtvOverCac,
            Needs = [[MetricSource.Subscriptions], [MetricSource.Spend], [MetricSource.NewBusinessWins, MetricSource.Subscriptions]],
        },
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ById = All.ToFrozenDictionary(m => m.Id.Value, StringComparer.Ordinal);

    public static MetricDefinition Get(MetricId id) => Get(id.Value);

    /// <summary>The metrics read from one statement with this one (<see cref="MetricDefinition.Family"/>), in catalog order; null when none.</summary>
    public static IReadOnlyList<MetricId>? FamilyOf(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Family == MetricFamily.None ? null : [.. All.Where(m => m.Family == metric.Family).Select(m => m.Id)];
    }

    public static MetricDefinition Get(string id) =>
        ById.TryGetValue(id, out var definition) ? definition : throw new ArgumentException($"Unknown metric '{id}'.", nameof(id));

    public static bool TryGet(string? id, out MetricDefinition definition) =>
        ById.TryGetValue(id ?? "", out definition!);
}

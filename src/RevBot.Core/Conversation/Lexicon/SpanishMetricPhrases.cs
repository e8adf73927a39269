namespace RevBot.Core.Conversation.Lexicon;

/// <summary>Spanish ways to name a metric, written without accents (the tokenizer folds them). Same pattern syntax as <see cref="EnglishMetricPhrases"/>.</summary>
internal static class SpanishMetricPhrases
{
    public static readonly (string Pattern, string Cues)[] Entries =
    [
        ("tasa|ratio|porcentaje|indice|tasas de cierre|exito|victoria|victorias|acierto|conversion", "m:win_rate"),
        ("tasa|ratio|porcentaje de cierre|exito por|en importe|valor|dinero|ingresos", "m:win_rate_value"),

        ("ventas|venta cerradas|cerrada|ganadas|firmadas|totales", "m:bookings"),
        ("ingresos|importe|facturacion|dinero|valor cerrados|cerrado|ganados|ganado|firmados|firmado", "m:bookings"),
        ("ventas", "w:bookings"),
        ("contratacion|reservas", "w:bookings"),

        ("negocios|negocio|oportunidades|oportunidad|tratos|trato|acuerdos|deals ganados|ganadas|ganado|ganada|cerrados|cerradas", "m:deals_won"),
        ("negocios|negocio|oportunidades|oportunidad|tratos|trato|acuerdos|deals perdidos|perdidas|perdido|perdida", "m:deals_lost"),

        ("ticket|tamano|valor|importe|monto medio|promedio|tipico", "m:avg_deal_size"),
        ("tamano|valor|importe|monto medio|promedio de|del|por los? negocio|negocios|oportunidad|oportunidades|deal|deals|venta|ventas|contrato", "m:avg_deal_size"),
        ("tamano de los? negocios|deals|contratos", "m:avg_deal_size"),

        ("ciclo|ciclos de venta|ventas", "m:avg_sales_cycle_days"),
        ("ciclo de venta|ventas medio|promedio", "m:avg_sales_cycle_days"),
        ("duracion del ciclo de? venta|ventas?", "m:avg_sales_cycle_days"),
        ("tiempo|dias de|hasta|para cierre|cerrar", "m:avg_sales_cycle_days"),

        ("embudo|cartera", "m:pipeline"),
        ("pipeline|embudo|cartera abierto|abierta|comercial; pipeline|embudo de ventas", "m:pipeline"),
        ("valor|importe del pipeline|embudo", "m:pipeline"),
        ("pipeline|embudo ponderado", "m:weighted_pipeline"),
        ("pipeline|embudo generado|creado|nuevo|anadido|generados|creados", "m:pipeline_created"),
        ("nuevo pipeline|embudo", "m:pipeline_created"),
        ("generacion|creacion de pipeline|embudo", "m:pipeline_created"),

        ("prevision|previsiones|pronostico|pronosticos|proyeccion|proyecciones", "m:forecast"),
        ("prevision|pronostico de ventas|cierre", "m:forecast"),
        ("precision|exactitud|acierto|fiabilidad de la|del? prevision|pronostico|forecast|previsiones", "m:forecast_accuracy"),

        ("cumplimiento|consecucion|logro|alcance de la? cuota|cuotas|objetivo|objetivos", "m:quota_attainment"),
        ("cuota|cuotas|cumplimiento", "m:quota_attainment"),
        ("porcentaje de|del cuota|objetivo", "m:quota_attainment"),

        ("cobertura de|del? pipeline|embudo", "m:pipeline_coverage"),
        ("cobertura", "m:pipeline_coverage"),
        ("velocidad del|de? pipeline|embudo|ventas|venta", "m:pipeline_velocity"),
        ("velocidad", "m:pipeline_velocity"),

        ("ingresos recurrentes anuales?", "m:arr"),
        ("ingresos recurrentes", "m:arr"),
        ("ingresos recurrentes mensuales", "m:mrr"),

        ("clientes|cliente", "w:customers,c:customer,d:Account"),
        ("clientes activos|actuales|totales", "m:customers"),
        ("cartera|base de clientes", "m:customers"),

        ("arr neto nuevo; arr nuevo neto; nuevo arr neto", "m:net_new_arr"),
        // Los tramos del puente de ARR: "ARR nuevo" es el de los clientes nuevos, no el ARR neto nuevo.
        ("arr|mrr nuevo; nuevo arr|mrr; arr|mrr de nuevos|nuevas clientes|cuentas|logos; arr|mrr de clientes|cuentas nuevos|nuevas; arr|mrr de nuevo negocio", "m:new_arr"),
        ("arr|mrr de expansion|expansiones|ampliacion|ampliaciones|upsell; expansion|ampliacion de|del arr|mrr", "m:expansion_arr"),
        ("arr|mrr de contraccion|reduccion|reducciones|downgrade|downgrades; contraccion|contracciones de|del arr|mrr; contraccion|contracciones", "m:contraction_arr"),
        ("arr|mrr perdido|churn|cancelado|churneado; arr|mrr de churn|bajas|cancelaciones; arr|mrr dado de baja", "m:churned_arr"),
        ("crecimiento del|de? arr", "m:net_new_arr"),

        ("retencion neta de? ingresos?", "m:nrr"),
        ("retencion bruta de? ingresos?", "m:grr"),

        ("churn|abandono|perdida|fuga de|del? ingresos|arr|mrr", "m:revenue_churn_rate"),
        ("tasa de perdida de ingresos", "m:revenue_churn_rate"),
        ("abandono|bajas|cancelaciones|fuga de clientes", "m:logo_churn_rate"),
        ("abandono|bajas|cancelaciones", "m:logo_churn_rate"),
        ("tasa de abandono|bajas|cancelacion|cancelaciones|churn|perdida de clientes?", "m:logo_churn_rate"),
        ("perdida de clientes", "m:logo_churn_rate"),
        ("clientes perdidos|cancelados", "m:logo_churn_rate"),
        ("clientes dados de baja", "m:logo_churn_rate"),

        ("tasa|ratio|porcentaje de renovacion|renovaciones", "m:renewal_rate"),
        ("tasa|ratio|porcentaje de expansion|ampliacion|upsell", "m:expansion_rate"),

        ("clientes|cuentas nuevos|nuevas|nuevo", "m:new_customers"),
        ("nuevos|nuevas clientes|cuentas|logos", "m:new_customers"),
        ("altas de clientes", "m:new_customers"),
        ("clientes captados|ganados|adquiridos|conseguidos|firmados", "m:new_customers"),

        ("coste|costo|costes|costos de adquisicion|captacion de? clientes|cliente?", "m:cac"),
        ("coste|costo por cliente|adquisicion", "m:cac"),

        ("valor de|del vida del? cliente?", "m:ltv"),
        ("valor del ciclo de vida del? cliente?", "m:ltv"),
        ("valor de por vida", "m:ltv"),
        ("relacion|ratio|proporcion|cociente ltv|clv cac", "m:ltv_to_cac"),
        ("ltv sobre|entre|frente a? cac", "m:ltv_to_cac"),
    ];
}

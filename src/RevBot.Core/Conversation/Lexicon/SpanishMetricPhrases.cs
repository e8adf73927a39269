namespace RevBot.Core.Conversation.Lexicon;

/// <summary>Spanish ways to name a metric, written without accents (the tokenizer folds them). Same pattern syntax as <see cref="EnglishMetricPhrases"/>.</summary>
internal static class SpanishMetricPhrases
{
    public static readonly (string Pattern, string Cues)[] Entries =
    [
        // "Conversión" alone is ambiguous (leads or opportunities): MetricRules asks; "de oportunidades" settles it.
        ("tasa|ratio|porcentaje|indice|tasas de cierre|exito|victoria|victorias|acierto|ganancia", "m:win_rate"),
        ("efectividad|eficacia de|en|del cierre|cierres", "m:win_rate"),
        ("porcentaje|tasa|ratio de negocios|oportunidades|tratos|deals ganados|ganadas", "m:win_rate"),
        ("tasa|ratio|porcentaje de cierre|exito por|en importe|valor|dinero|ingresos|monto", "m:win_rate_value"),

        ("ventas|venta cerradas|cerrada|ganadas|firmadas|totales", "m:bookings"),
        ("ingresos|importe|facturacion|dinero|valor cerrados|cerrado|ganados|ganado|firmados|firmado", "m:bookings"),
        ("ventas", "w:bookings"),
        ("contratacion|reservas", "w:bookings"),
        // Spain: "cifra de ventas", "entrada de pedidos"; both: "volumen de ventas"; LatAm: "monto ganado".
        ("volumen|cifra|importe|monto de ventas|venta", "m:bookings"),
        ("entrada de pedidos; pedidos ganados|cerrados|firmados", "m:bookings"),
        ("monto|montos cerrado|cerrados|ganado|ganados|firmado", "m:bookings"),

        ("negocios|negocio|oportunidades|oportunidad|tratos|trato|acuerdos|deals ganados|ganadas|ganado|ganada|cerrados|cerradas", "m:deals_won"),
        ("negocios|negocio|oportunidades|oportunidad|tratos|trato|acuerdos|deals perdidos|perdidas|perdido|perdida", "m:deals_lost"),

        ("ticket|tamano|valor|importe|monto medio|promedio|tipico", "m:avg_deal_size"),
        ("tamano|valor|importe|monto medio|promedio de|del|por los? negocio|negocios|oportunidad|oportunidades|deal|deals|venta|ventas|contrato", "m:avg_deal_size"),
        ("tamano de los? negocios|deals|contratos", "m:avg_deal_size"),
        ("precio medio|promedio de venta", "m:avg_deal_size"),

        ("ciclo|ciclos de venta|ventas", "m:avg_sales_cycle_days"),
        ("ciclo de venta|ventas medio|promedio", "m:avg_sales_cycle_days"),
        ("duracion del ciclo de? venta|ventas?", "m:avg_sales_cycle_days"),
        ("tiempo|dias|plazo medio|promedio? de|hasta|para el? cierre|cerrar", "m:avg_sales_cycle_days"),
        ("duracion media|promedio? de|del los? trato|tratos|negocio|negocios|oportunidades", "m:avg_sales_cycle_days"),

        ("embudo|cartera", "m:pipeline"),
        ("pipeline|embudo|cartera abierto|abierta|comercial; pipeline|embudo de ventas", "m:pipeline"),
        ("valor|importe|monto del pipeline|embudo", "m:pipeline"),
        ("cartera de oportunidades|negocios", "m:pipeline"),
        ("pipeline|embudo ponderado; cartera ponderada", "m:weighted_pipeline"),
        ("pipeline|embudo generado|creado|nuevo|anadido|generados|creados", "m:pipeline_created"),
        ("nuevo pipeline|embudo", "m:pipeline_created"),
        ("generacion|creacion de pipeline|embudo", "m:pipeline_created"),

        ("prevision|previsiones|pronostico|pronosticos|proyeccion|proyecciones", "m:forecast"),
        ("prevision|pronostico|estimacion|forecast de ventas|cierre", "m:forecast"),
        ("prevision|previsiones|pronostico|pronosticos|proyeccion ponderada|ponderadas|ponderado|ponderados", "m:weighted_forecast"),
        ("prevision|pronostico del crm", "m:weighted_forecast"),
        ("llegamos|llegaremos|alcanzaremos|cumpliremos a la? cuota|objetivo|meta", "m:forecast_attainment"),
        ("vamos a llegar|alcanzar|cumplir a? la|el? cuota|objetivo|meta|plan", "m:forecast_attainment"),
        ("prevision|pronostico frente a|contra la? cuota|objetivo", "m:forecast_attainment"),
        ("precision|exactitud|acierto|fiabilidad de la|del? prevision|pronostico|forecast|previsiones", "m:forecast_accuracy"),

        ("cumplimiento|consecucion|logro|alcance|avance de la? cuota|cuotas|objetivo|objetivos|meta|metas", "m:quota_attainment"),
        ("cuota|cuotas|cumplimiento", "m:quota_attainment"),
        ("porcentaje de|del cuota|objetivo", "m:quota_attainment"),

        ("cobertura de|del? pipeline|embudo|cartera", "m:pipeline_coverage"),
        ("cobertura", "m:pipeline_coverage"),
        ("cuanto pipeline|embudo necesitamos|necesito|necesitaremos; cuanto pipeline|embudo hace falta; pipeline|embudo necesario|requerido", "m:pipeline_needed"),
        ("cuanto pipeline|embudo hace falta para llegar|cumplir|alcanzar a? la|el|nuestra|nuestro? cuota|objetivo|meta|plan|numero", "m:pipeline_needed"),
        ("cuanto pipeline|embudo necesitamos|necesito para llegar|cumplir|alcanzar a? la|el|nuestra|nuestro? cuota|objetivo|meta|plan|numero", "m:pipeline_needed"),
        ("pipeline|embudo que necesitamos|necesito; pipeline|embudo para llegar|cumplir|alcanzar a? la|el|nuestra|nuestro? cuota|objetivo|meta|plan|numero", "m:pipeline_needed"),
        // "Mi número" es la cuota de quien pregunta: la frase se lleva "mi", así que pone ella misma el filtro de dueño.
        ("cuanto pipeline|embudo necesito para llegar|cumplir|alcanzar a? mi cuota|objetivo|meta|plan|numero; cuanto pipeline|embudo hace falta para llegar|cumplir|alcanzar a? mi cuota|objetivo|meta|plan|numero", "m:pipeline_needed,me"),
        ("pipeline|embudo para llegar|cumplir|alcanzar a? mi cuota|objetivo|meta|plan|numero", "m:pipeline_needed,me"),
        ("velocidad del|de? pipeline|embudo|ventas|venta", "m:pipeline_velocity"),
        ("velocidad", "m:pipeline_velocity"),

        ("ingresos recurrentes anuales?", "m:arr"),
        ("ingresos recurrentes", "m:arr"),
        ("ingreso|ingresos recurrente|recurrentes anual|anuales; ingreso|ingresos anual|anuales recurrente|recurrentes", "m:arr"),
        ("facturacion recurrente anual; facturacion anual recurrente", "m:arr"),
        ("ingresos recurrentes mensuales", "m:mrr"),
        ("ingreso|ingresos recurrente|recurrentes mensual|mensuales; ingreso|ingresos mensual|mensuales recurrente|recurrentes", "m:mrr"),
        ("facturacion recurrente mensual; facturacion mensual recurrente", "m:mrr"),

        ("clientes|cliente", "w:customers,c:customer,d:Account"),
        ("clientes activos|actuales|totales", "m:customers"),
        ("cartera|base de clientes", "m:customers"),
        ("clientes de pago; clientes que pagan; cuentas activas", "m:customers"),

        ("arr neto nuevo; arr nuevo neto; nuevo arr neto", "m:net_new_arr"),
        // Los tramos del puente de ARR: "ARR nuevo" es el de los clientes nuevos, no el ARR neto nuevo.
        ("arr|mrr nuevo; nuevo arr|mrr; arr|mrr de nuevos|nuevas clientes|cuentas|logos; arr|mrr de clientes|cuentas nuevos|nuevas; arr|mrr de nuevo negocio", "m:new_arr"),
        ("arr|mrr de expansion|expansiones|ampliacion|ampliaciones|upsell; expansion|ampliacion de|del arr|mrr", "m:expansion_arr"),
        ("arr|mrr de contraccion|reduccion|reducciones|downgrade|downgrades; contraccion|contracciones de|del arr|mrr; contraccion|contracciones", "m:contraction_arr"),
        ("arr|mrr perdido|cancelado|churneado; arr|mrr de churn|bajas|cancelaciones; arr|mrr dado de baja", "m:churned_arr"),
        ("crecimiento|incremento|aumento neto? del|de? arr", "m:net_new_arr"),

        ("retencion neta de? ingresos?", "m:nrr"),
        ("retencion neta de|del ingreso|arr|mrr", "m:nrr"),
        ("retencion bruta de? ingresos?", "m:grr"),
        ("retencion bruta de|del ingreso|arr|mrr", "m:grr"),

        ("churn|abandono|perdida|fuga de|del? ingresos|arr|mrr", "m:revenue_churn_rate"),
        ("tasa de perdida de ingresos", "m:revenue_churn_rate"),
        ("abandono|bajas|cancelaciones|fuga de clientes", "m:logo_churn_rate"),
        ("abandono|bajas|cancelaciones", "m:logo_churn_rate"),
        ("tasa|indice|porcentaje de abandono|bajas|cancelacion|cancelaciones|churn|perdida|desercion|rotacion|fuga de? clientes?", "m:logo_churn_rate"),
        ("desercion|rotacion|fuga|churn|bajas de clientes|cuentas", "m:logo_churn_rate"),
        ("perdida de clientes", "m:logo_churn_rate"),
        ("clientes perdidos|cancelados", "m:logo_churn_rate"),
        ("clientes dados de baja", "m:logo_churn_rate"),

        ("tasa|ratio|porcentaje de renovacion|renovaciones", "m:renewal_rate"),
        ("tasa|ratio|porcentaje de expansion|ampliacion|upsell", "m:expansion_rate"),
        ("tasa|ratio|porcentaje de venta|ventas cruzada|cruzadas|adicional|adicionales", "m:expansion_rate"),

        ("clientes|cuentas nuevos|nuevas|nuevo", "m:new_customers"),
        ("nuevos|nuevas clientes|cuentas|logos", "m:new_customers"),
        ("altas de clientes", "m:new_customers"),
        ("captacion|adquisicion de|del? clientes|cuentas|logos", "m:new_customers"),
        ("clientes captados|ganados|adquiridos|conseguidos|firmados", "m:new_customers"),

        ("coste|costo|costes|costos de adquisicion|captacion de? clientes|cliente?", "m:cac"),
        ("coste|costo por cliente|adquisicion", "m:cac"),
        ("coste|costo|costes|costos de|para|por adquirir|captar|conseguir un|una? nuevo? cliente|clientes", "m:cac"),
        ("coste|costo por cliente|clientes nuevo|nuevos|adquirido|adquiridos|captado|captados", "m:cac"),

        ("valor de|del vida del? cliente?", "m:ltv"),
        ("valor del ciclo de vida del? cliente?", "m:ltv"),
        ("valor de por vida", "m:ltv"),
        ("valor del|de tiempo de vida del? cliente?; valor vitalicio del? cliente?", "m:ltv"),
        ("relacion|ratio|proporcion|cociente ltv|clv cac", "m:ltv_to_cac"),
        ("ltv sobre|entre|frente a? cac", "m:ltv_to_cac"),
        ("relacion|ratio|proporcion|cociente entre? ltv|clv y|a|sobre|contra cac", "m:ltv_to_cac"),
    ];
}

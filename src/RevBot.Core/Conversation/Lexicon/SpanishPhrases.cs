namespace RevBot.Core.Conversation.Lexicon;

/// <summary>Spanish words for everything but metric names, without accents. Same pattern syntax as <see cref="EnglishMetricPhrases"/>.</summary>
internal static class SpanishPhrases
{
    public static readonly (string Pattern, string Cues)[] Entries =
    [
        ("cuantos|cuantas; numero|cantidad|total de; numero|cantidad", "c:count"),
        ("cuanto|cuanta; importe|valor|dinero|monto", "c:amount"),
        ("negocio|negocios|oportunidad|oportunidades|trato|tratos|acuerdo|acuerdos", "c:deal"),
        ("ganar|ganamos|ganado|ganados|ganada|ganadas|gano|ganaron|ganaste|ganado", "c:win"),
        ("perder|perdimos|perdido|perdidos|perdida|perdidas|perdio|perdieron", "c:lose"),
        ("cerrar|cerramos|cerrado|cerrados|cerrada|cerradas|cerro|cerraron", "c:close"),
        ("cierran|cierra|cerraran; que cierran|cierra; a|por cerrar; fecha de cierre; previstos|previstas para? cerrar", "c:closing"),
        ("tasa|porcentaje|ratio|proporcion|indice", "c:rate"),
        ("cuanto tiempo|tarda|tardan|tardamos; tarda|tardan|tardamos|tardar|duracion|dias", "c:duration"),
        ("tamano|grande|grandes", "c:size"),
        ("medio|media|promedio|tipico|mediana", "c:average"),
        ("abierto|abiertos|abierta|abiertas|activos|activas; en curso", "c:open"),
        ("ingresos|facturacion|facturado|facturamos|facturar|facturo|facturaron", "c:revenue"),
        ("nuevo|nuevos|nueva|nuevas", "c:new"),
        ("crear|creado|creados|creamos|generar|generado|generados|generamos|anadido|anadidos|anadimos", "c:create"),
        ("preciso|precisa|precisos|precisas|acertada|acertado|exacta|exacto|precision|exactitud|acierto|fiable", "c:accurate"),
        ("vender|vendido|vendimos|vendemos|vendieron|vendio|vendidos", "c:sell"),
        ("crecer|crecimiento|crecio|crecimos|aumento|aumentado|incremento|incrementado", "c:grow"),
        ("retencion|retener|retenido|retenidos", "c:retention"),
        ("ponderado|ponderada|probabilidad", "c:weight"),
        ("conversion|conversiones|convertir|convertido|convertidos|convertida|convertidas|convierte|convierten", "c:conversion"),
        ("cuenta|cuentas", "c:customer,d:Account"),

        ("comercial|comerciales|vendedor|vendedores|vendedora|vendedoras|representante|representantes|propietario|propietarios|responsable|responsables|agente|agentes|ejecutivo|ejecutivos|persona|personas", "d:Owner"),
        // Spain: "gestor comercial"; Latin America: "asesor comercial", "ejecutiva de cuenta".
        ("asesor|asesores|asesora|asesoras|gestor|gestores|gestora|gestoras|ejecutiva|ejecutivas", "d:Owner"),
        ("equipo|equipos|grupo|grupos|celula|celulas; equipo comercial|de ventas", "d:Team"),
        ("region|regiones|zona|zonas|territorio|territorios|geografia|area|areas|oficina|oficinas|delegacion|delegaciones|sucursal|sucursales", "d:Region"),
        ("segmento|segmentos; tamano de empresa", "d:Segment"),
        ("industria|industrias|sector|sectores|vertical|verticales|rubro|rubros", "d:Industry"),
        ("producto|productos|plan|planes; linea de producto", "d:Product"),
        ("fuente|fuentes|origen|origenes|canal|canales|campana|campanas|procedencia", "d:Source"),
        ("tipo|tipos; tipo de negocio|oportunidad|venta", "d:Type"),
        ("etapa|etapas|fase|fases", "d:Stage"),
        ("empresa|empresas|compania|companias", "d:Account"),
        ("por|cada|segun; por cada; desglosado|dividido|agrupado|segmentado|separado por; desglose por", "by"),

        ("dia|dias", "tn:Day"), ("semana|semanas", "tn:Week"), ("mes|meses", "tn:Month"), ("trimestre|trimestres", "tn:Quarter"), ("ano|anos|anio", "tn:Year"),
        ("diario|diaria|diarios", "tg:Day"), ("semanal|semanales", "tg:Week"), ("mensual|mensuales; mes a mes", "tg:Month"),
        ("trimestral|trimestrales; trimestre a trimestre", "tg:Quarter"), ("anual|anuales", "tg:Year"),
        ("tendencia|tendencias|evolucion|historico|historial; a lo largo del tiempo", "trend"),

        ("nuevo|nuevos negocio|negocios; negocio|negocios nuevo|nuevos", "type:new,c:deal"),
        ("renovacion|renovaciones", "type:renewal"),
        ("expansion|expansiones|ampliacion|ampliaciones|upsell", "type:expansion"),

        ("mi|mis|mio|mia|mios|mias", "me"),
        ("he vendido|cerrado|ganado|perdido|generado|creado; llevo", "me"),
        ("asignados|asignadas|asignado a mi", "me"),
        ("mi equipo|grupo", "myteam"),

        ("ayuda|comandos|ayudame", "help"),
        ("que puedes|sabes hacer|responder; que sabes; que puedo preguntar|preguntarte", "help"),
        ("que preguntas puedo hacer; como funciona|funcionas; como te uso; que haces", "help"),
        ("que|cuales metricas|indicadores|kpis conoces|tienes|sabes?", "help"),
        ("metricas|metrica|indicadores; lista de metricas", "help"),
        ("hola|buenas|gracias|vale|oye; buenos dias; buenas tardes|noches", "greet"),
        ("calcula|calculan|calculas|calcular|calculo|calculado|calculada|computa", "def"),
        ("significa|significado|significan|definicion|define|defina|definir|formula|explica|explicame|explicar|metodologia|mide|miden", "def"),
        ("que quiere decir; quiere decir; como se mide", "def"),

        ("mayor|mayores|principales|top; mas grandes|alto|altos|alta|altas|importantes", "sup:desc"),
        ("menor|menores; mas pequenos|pequenas|bajo|bajos|baja|bajas", "sup:asc"),
        ("mejor|mejores", "sup:best"),
        ("peor|peores", "sup:worst"),
        ("lista|listado|listar|muestrame|muestra|ensename|cuales|ranking|clasificacion", "list"),
        ("quien|quienes", "who"),

        ("estancado|estancados|estancada|estancadas|atascado|atascados|atascada|atascadas|parado|parados|parada|paradas|frenado|frenados|frenada|frenadas", "find:stalled"),
        ("en riesgo; en riesgo de abandono|baja|churn|cancelar|cancelacion|irse; riesgo de abandono|baja|churn|fuga", "find:churn_risk"),
        ("puede|pueden|podria|podrian darse de baja; puede|pueden|podria|podrian irse|cancelar|abandonarnos; a punto de irse|cancelar", "find:churn_risk"),
        // Cuentas listas para crecer (la puntuación de expansión); "oportunidades de expansión" siguen siendo negocios.
        ("listas|listos|preparadas|preparados|maduras|maduros para crecer|ampliar|expandirse|expansion|upsell|ampliacion; candidatas|candidatos|senales|jugadas a|de expansion|ampliacion|upsell; a quien|quienes venderle|ampliarle", "find:expansion"),
        ("proxima|proximas renovacion|renovaciones; renovacion|renovaciones proxima|proximas|pendiente|pendientes", "find:upcoming,type:renewal"),
        ("se dieron|dio de baja; se han|ha dado de baja; dieron|dio de baja; dados|dadas|dado|dada de baja; cancelaron|cancelo|abandonaron; se fueron|fue; nos dejaron|dejo", "find:churned,c:lose"),
        ("clientes|cuentas dados|dadas de baja", "find:churned"),
        ("redujeron|redujo|rebajaron|rebajo|recortaron|recorto|bajaron|bajo|contrajeron|contrajo su|sus|el|la? contrato|contratos|plan|planes|suscripcion|suscripciones|gasto|licencias; redujeron|redujo|contrajeron|contrajo|recortaron|recorto; hicieron|hizo downgrade; bajaron|bajo de plan", "find:contracted"),
        ("ampliaron|amplio|expandieron|expandio|aumentaron|aumento|subieron|subio|crecieron|crecio su|sus|el|la? contrato|contratos|plan|planes|suscripcion|suscripciones|gasto|licencias; ampliaron|expandieron|expandio|crecieron; hicieron|hizo upgrade; subieron|subio|mejoraron|mejoro de plan", "find:expanded"),

        ("y|e|tambien|ahora|entonces", "follow"),
        ("y que tal; que tal; y si; lo mismo para|pero|con; y para|en", "follow"),

        ("interanual|interanuales; ano contra|sobre ano", "cmp:same_last_year"),
        ("el? mismo periodo|trimestre|mes|semestre|semana del ano pasado|anterior", "cmp:same_last_year"),
        ("intertrimestral; trimestre contra trimestre; mes contra mes; periodo anterior", "cmp:previous"),
        ("frente|comparado|comparada|comparados|compara|comparar|comparacion|respecto|contra|versus", "vs"),
        ("frente a|al; comparado|comparada|compara|comparar con; en comparacion con; respecto a|al|del; con respecto a|al", "vs"),

        ("margen|margenes|beneficio|beneficios|rentabilidad|facturas|cobros|caja|plantilla|leads|tickets|uso", "x"),
        ("ingresos|ingreso reconocidos|reconocido|diferidos|diferido|devengados|devengado; reconocimiento de ingresos", "x"),
        ("el|la anterior", "cmp:previous"),
        ("actualiza|actualizar|cambia|cambiar|mueve|mover|borra|borrar|recuerdame|programa|asigna|avisame|alerta; cuando es|fue|sera|cierra", "x"),
        ("mas", "sup:desc"),

        ("excepto|salvo|menos|excluyendo|sin; sin contar; aparte de", "neg"),

        ("por favor; porfa|porfavor|dime|dame|muestrame|ensename|quiero|quisiera|necesito|saber|podrias|puedes|actualmente", "fill"),
        ("me gustaria saber; me puedes decir; hasta ahora; en este momento", "fill"),
    ];
}

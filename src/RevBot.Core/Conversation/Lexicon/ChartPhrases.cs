namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// Words asking for a picture of the answer ("chart bookings by month", "gráfico de ventas por mes"): they mark the
/// question as wanting a chart and otherwise ask for nothing. Same pattern syntax as <see cref="EnglishPhrases"/>;
/// kept in their own file so the chart vocabulary is read in one place.
/// </summary>
internal static class ChartPhrases
{
    public static readonly (string Pattern, string Cues)[] English =
    [
        ("chart|charts|charted|charting|graph|graphs|graphed|graphing|plot|plots|plotted|plotting|visualize|visualise|visualized|visualised|visualization|visualisation|diagram|histogram", "chart"),
        ("bar|line|column|pie chart|charts|graph|graphs|plot", "chart"),
        ("as|in|on|with a|an? bar|line|column|pie? chart|graph|plot|picture|image|visual|diagram|visualization", "chart"),
        ("make|create|build|generate|draw|give|show me? a|an? bar|line|column|pie? chart|graph|plot|picture|visual|diagram|visualization", "chart"),
        ("draw|drawing", "chart"),
    ];

    public static readonly (string Pattern, string Cues)[] Spanish =
    [
        ("grafico|graficos|grafica|graficas|graficame|graficar|graficalo|graficala|diagrama|diagramas|histograma|visualiza|visualizame|visualizar|visualizacion|dibuja|dibujame|dibujar|dibujalo|traza|trazame|plotea", "chart"),
        ("grafico|graficos|grafica|graficas|diagrama de barras|lineas|columnas|tarta|quesos", "chart"),
        ("en|como|con un|una grafico|grafica|diagrama|imagen|dibujo de? barras|lineas|columnas|tarta?", "chart"),
        ("haz|hazme|haga|hagame|genera|generame|crea|creame|saca|sacame|dame|muestrame|ensename|pinta|pintame un|una grafico|grafica|diagrama|dibujo de? barras|lineas|columnas|tarta?", "chart"),
        ("muestra|muestrame|ensename|pon|ponme en|con un|una grafico|grafica|diagrama|imagen|dibujo de? barras|lineas|columnas|tarta?", "chart"),
    ];
}

namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// Words for the questions people ask about outcomes before numbers: why deals were lost (loss reasons), how the
/// business is doing (the audience's scorecard) and bookings against plan (quota attainment). Same pattern syntax as
/// <see cref="EnglishMetricPhrases"/>; Spanish without accents.
/// </summary>
internal static class OutcomePhrases
{
    public static readonly (string Pattern, string Cues)[] English =
    [
        // Loss reasons: a breakdown dimension ("deals lost by reason") and, when named outright, the list itself.
        ("reason|reasons|cause|causes", "d:LossReason"),
        ("loss|lost|losing reason|reasons|cause|causes; reason|reasons|cause|causes for|of|behind loss|losses|losing|lost deal?", "d:LossReason,find:loss_reasons"),
        ("reason|reasons we|they lost|lose|losing", "d:LossReason,find:loss_reasons"),
        ("reason|reasons i lost|lose|losing", "d:LossReason,find:loss_reasons,me"),
        ("why did|do|have|are|were|was? we|they|you lose|lost|losing", "find:loss_reasons"),
        ("why did|do|have|am|was? i lose|lost|losing", "find:loss_reasons,me"),
        ("why were|are|was|did|do|have? deal|opportunity|opp|oppty lost|lose|losing", "find:loss_reasons"),
        ("loss analysis; what are|did|do we losing|lose|lost to", "find:loss_reasons"),

        // The audience's scorecard.
        ("how are|is|were|was we|things|it|business|everything doing|going|looking|tracking|performing|pacing", "find:scorecard"),
        ("how we doing|going|looking|tracking; how|hows it|things|business|everything going|looking|doing", "find:scorecard"),
        ("how did|have we do|done|perform|performed; how is|was the quarter|month|year going|looking", "find:scorecard"),
        ("how am i doing|tracking|performing|pacing; how did i do", "find:scorecard,me"),
        ("scorecard|scoreboard|scorecards", "find:scorecard"),

        // Bookings against plan.
        ("vs|versus|against|to plan|quota|target|goal|budget; compared to plan|quota|target|goal|budget", "m:quota_attainment"),
        ("bookings|sales|revenue|booked vs|versus|against|to plan|quota|target|goal|budget", "m:quota_attainment"),
        ("on track|pace|target to|for|against|toward|towards hit|make|reach? plan|quota|target|goal|number", "m:quota_attainment"),
        ("hit|make|made|hitting|making|reach|reaching|meet|meeting our|the? plan|quota|target|goal|number", "m:quota_attainment"),
        ("ahead of|behind plan|quota|target|goal; above|below plan|quota|target|goal", "m:quota_attainment"),
        // The future tense ("will we hit quota?", "are we going to make the quarter?") asks for the forecast against
        // plan (forecast_attainment, issue 21), not for bookings so far.
        ("will|would we hit|make|reach|meet|land our|the? plan|quota|target|goal|number|numbers|quarter|month|year", "m:forecast_attainment"),
        ("are we going to|gonna hit|make|reach|meet|land our|the? plan|quota|target|goal|number|numbers|quarter|month|year", "m:forecast_attainment"),
        ("are we gonna hit|make|reach|meet|land our|the? plan|quota|target|goal|number|numbers|quarter|month|year", "m:forecast_attainment"),

        // The amount lost.
        ("lost revenue|amount|value|dollars|business; revenue|amount|value|dollars lost; value of lost deal", "m:lost_amount"),
    ];

    public static readonly (string Pattern, string Cues)[] Spanish =
    [
        ("motivo|motivos|causa|causas|razon|razones", "d:LossReason"),
        ("motivo|motivos|causa|causas|razon|razones de|por la|las? perdida|perdidas|perder", "d:LossReason,find:loss_reasons"),
        ("motivo|motivos|causa|causas|razon|razones por|de los|las? que perdimos|perdemos|perdieron|pierden|perdi", "d:LossReason,find:loss_reasons"),
        ("por que perdimos|perdemos|perdieron|pierden|perdiste|perdio|perdi; por que hemos|han|se perdido|perdieron|pierden", "find:loss_reasons"),
        ("analisis de perdidas; contra que|quien perdimos|perdemos", "find:loss_reasons"),

        ("como vamos|va|van|estamos|andamos|voy|ibamos|fuimos; como nos va|fue; como le va|fue al negocio|equipo", "find:scorecard"),
        ("que tal vamos|va|estamos|andamos; que tal nos va|fue; como va|fue el trimestre|mes|ano|negocio", "find:scorecard"),
        ("como voy|me va; que tal voy", "find:scorecard,me"),
        ("cuadro de mando; resumen de indicadores", "find:scorecard"),

        ("frente|contra|versus|vs al|a la? plan|cuota|objetivo|presupuesto|meta; respecto al plan|objetivo|presupuesto; respecto a la cuota|meta", "m:quota_attainment"),
        ("contra el plan|objetivo|presupuesto; contra la cuota|meta", "m:quota_attainment"),
        ("ventas frente|contra|versus|vs al|a la? plan|cuota|objetivo|presupuesto|meta", "m:quota_attainment"),
        ("en camino|linea de|para cumplir|alcanzar la? cuota|objetivo|plan|meta", "m:quota_attainment"),
        // The future tense ("¿llegaremos a la cuota?") asks for the forecast against it (forecast_attainment, issue 21).
        ("cumplir|cumplimos|alcanzar|llegar a? la? cuota|objetivo|plan|meta", "m:quota_attainment"),
        ("por encima|debajo del plan|objetivo; por encima|debajo de la cuota|meta", "m:quota_attainment"),

        ("importe|valor|dinero|monto perdido; importe|valor de los? negocios perdidos", "m:lost_amount"),
    ];
}

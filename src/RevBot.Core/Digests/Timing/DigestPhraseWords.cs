namespace RevBot.Core.Digests.Timing;

/// <summary>The words of digest phrases in English and Spanish, accents removed, lower-case. Data only.</summary>
internal static class DigestPhraseWords
{
    public static readonly string[] Digest = ["digest", "digests", "resumen", "resumenes", "informe"];

    public static readonly string[] Preview = ["preview", "previsualiza", "previsualizar", "previa", "muestrame", "muestra", "ensename"];

    public static readonly (string Word, DigestKind Kind)[] Kinds =
    [
        ("sales", DigestKind.Sales), ("ventas", DigestKind.Sales), ("cs", DigestKind.Cs), ("customer success", DigestKind.Cs),
        ("success", DigestKind.Cs), ("exito de clientes", DigestKind.Cs), ("clientes", DigestKind.Cs), ("marketing", DigestKind.Marketing),
        ("finance", DigestKind.Finance), ("finanzas", DigestKind.Finance), ("exec", DigestKind.Exec), ("executive", DigestKind.Exec),
        ("ejecutivo", DigestKind.Exec), ("direccion", DigestKind.Exec), ("leadership", DigestKind.Exec),
    ];

    /// <summary>Cron day-of-week numbers (0 = Sunday).</summary>
    public static readonly (string Word, int Day)[] Days =
    [
        ("monday", 1), ("mondays", 1), ("mon", 1), ("tuesday", 2), ("tuesdays", 2), ("tue", 2), ("wednesday", 3), ("wednesdays", 3), ("wed", 3),
        ("thursday", 4), ("thursdays", 4), ("thu", 4), ("friday", 5), ("fridays", 5), ("fri", 5), ("saturday", 6), ("saturdays", 6), ("sat", 6),
        ("sunday", 0), ("sundays", 0), ("sun", 0), ("lunes", 1), ("martes", 2), ("miercoles", 3), ("jueves", 4), ("viernes", 5),
        ("sabado", 6), ("sabados", 6), ("domingo", 0), ("domingos", 0),
    ];

    public static readonly string[] Weekdays = ["weekday", "weekdays", "workday", "workdays", "laborables", "laborable", "entre semana"];

    public static readonly string[] Daily = ["daily", "every day", "each day", "diario", "diariamente", "cada dia", "todos los dias"];

    public static readonly string[] SkipIfEmpty =
        ["skip if empty", "skip-if-empty", "skip when empty", "skip empty", "unless empty", "not if empty", "omitir si esta vacio", "saltar si esta vacio", "si esta vacio no", "salvo si esta vacio", "omitir si vacio"];

    public static readonly (string Word, Metrics.Dimension Dimension)[] FilterKeys =
    [
        ("region", Metrics.Dimension.Region), ("segment", Metrics.Dimension.Segment), ("team", Metrics.Dimension.Team), ("owner", Metrics.Dimension.Owner),
        ("segmento", Metrics.Dimension.Segment), ("equipo", Metrics.Dimension.Team),
    ];

    /// <summary>Words only a Spanish phrase has.</summary>
    public static readonly string[] Spanish = ["resumen", "resumenes", "cuales", "hay", "deja", "publica", "publicar", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "a las", "cada", "semanal", "ventas", "finanzas", "los", "aqui", "vista"];
}

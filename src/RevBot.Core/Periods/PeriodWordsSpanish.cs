namespace RevBot.Core.Periods;

/// <summary>Spanish words of period phrases, lower-case and without accents (the tokenizer strips them).</summary>
internal static class PeriodWordsSpanish
{
    public static readonly (string Word, int Month)[] Months =
    [
        ("enero", 1), ("ene", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("abr", 4), ("mayo", 5), ("junio", 6),
        ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11),
        ("diciembre", 12), ("dic", 12),
    ];

    public static readonly (string Word, PeriodGrain Unit)[] Units =
    [
        ("dia", PeriodGrain.Day), ("dias", PeriodGrain.Day), ("semana", PeriodGrain.Week), ("semanas", PeriodGrain.Week),
        ("mes", PeriodGrain.Month), ("meses", PeriodGrain.Month), ("trimestre", PeriodGrain.Quarter), ("trimestres", PeriodGrain.Quarter),
        ("semestre", PeriodGrain.Half), ("semestres", PeriodGrain.Half), ("ano", PeriodGrain.Year), ("anos", PeriodGrain.Year),
        ("anio", PeriodGrain.Year), ("anios", PeriodGrain.Year), ("ejercicio", PeriodGrain.Year),
    ];

    /// <summary>Words before a unit ("este trimestre", "el último mes", "el próximo año").</summary>
    public static readonly (string Word, int Offset)[] Relative =
    [
        ("este", 0), ("esta", 0), ("ultimo", -1), ("ultima", -1), ("pasado", -1), ("pasada", -1), ("anterior", -1),
        ("proximo", 1), ("proxima", 1), ("siguiente", 1),
    ];

    /// <summary>Words after a unit ("el trimestre pasado", "el mes que viene" is handled as a pair).</summary>
    public static readonly (string Word, int Offset)[] RelativeAfter =
    [
        ("actual", 0), ("pasado", -1), ("pasada", -1), ("anterior", -1), ("antepasado", -2), ("antepasada", -2),
        ("siguiente", 1), ("proximo", 1), ("proxima", 1),
    ];

    public static readonly (string Word, int Direction)[] Rolling =
    [
        ("ultimos", -1), ("ultimas", -1), ("pasados", -1), ("pasadas", -1), ("anteriores", -1), ("proximos", 1), ("proximas", 1), ("siguientes", 1),
    ];

    public static readonly (string Word, int Value)[] Numbers =
    [
        ("un", 1), ("uno", 1), ("una", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("siete", 7),
        ("ocho", 8), ("nueve", 9), ("diez", 10), ("once", 11), ("doce", 12), ("quince", 15), ("dieciocho", 18),
        ("veinte", 20), ("treinta", 30), ("sesenta", 60), ("noventa", 90),
    ];

    public static readonly (string Word, int Value)[] Ordinals =
    [
        ("primer", 1), ("primero", 1), ("primera", 1), ("1er", 1), ("1o", 1), ("segundo", 2), ("segunda", 2), ("2o", 2),
        ("tercer", 3), ("tercero", 3), ("tercera", 3), ("3er", 3), ("3o", 3), ("cuarto", 4), ("cuarta", 4), ("4o", 4),
    ];

    public static readonly string[] Since = ["desde"];
    public static readonly string[] Between = ["entre"];
    public static readonly string[] RangeFrom = ["desde", "del", "de"];
    public static readonly string[] RangeTo = ["hasta", "al", "a"];
    public static readonly string[] RangeAnd = ["y", "e"];
    public static readonly string[] Of = ["de", "del", "en"];
    public static readonly string[] Ago = ["hace"];
    public static readonly string[] Today = ["hoy"];
    public static readonly string[] Yesterday = ["ayer"];
    public static readonly string[] EndOf = ["final", "fin", "cierre"];
    public static readonly string[] StartOf = ["inicio", "principio", "comienzo"];
    public static readonly string[] Fiscal = ["fiscal"];
    public static readonly string[] Calendar = ["natural"];
    public static readonly string[] Articles = ["el", "la", "los", "las"];
    public static readonly string[] MonthContext = ["en", "desde", "de", "del", "durante", "hasta", "al", "entre", "y", "pasado", "este"];

    /// <summary>Words meaning "half" in "primera mitad".</summary>
    public static readonly string[] HalfWords = ["mitad"];
}

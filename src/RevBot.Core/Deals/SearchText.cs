using System.Globalization;
using System.Text;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// Names folded for search: lower case, accents off ("Café Martínez" → "cafe martinez"). The same folding runs in C#
/// (query words, ranking) and in SQL (the LIKE narrowing), so "martinez" finds "Martínez" in the database.
/// </summary>
public static class SearchText
{
    /// <summary>The SQLite function RevBot.Data registers on every connection (SQLite's lower() folds only ASCII).</summary>
    public const string SqliteFunction = "revbot_fold";

    // PostgreSQL folds with translate(lower(x)) (PostgresFold), which is immutable, so deals and accounts keep their folded name in a
    // stored generated column (name_fold) that the trigram indexes cover: folding 1.2M names on every search would
    // cost seconds.
    internal const string Accented = "àáâãäåāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőùúûüũūŭůűųñńňçćčýÿśšźžżł";
    internal const string Plain = "aaaaaaaaaeeeeeeeeeiiiiiiiiiooooooooouuuuuuuuuunnncccyysszzzl";

    /// <summary>Lower case without accents; letters the decomposition keeps (ø, ł, ı) map as the SQL does.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var i = Accented.IndexOf(c, StringComparison.Ordinal);
            sb.Append(i >= 0 ? Plain[i] : c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of a text: runs of letters and digits ("Schowalter-Haley, Inc." → schowalter, haley, inc).</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>The folding of any text expression in SQL, computed per row (for the few queries that group by it).</summary>
    internal static string Sql(string expression, SqlDialect dialect) =>
        dialect.IsPostgres ? PostgresFold(expression) : $"{SqliteFunction}({expression})";

    /// <summary>The folded name of a deal or account row: the indexed column on PostgreSQL, the function on SQLite.</summary>
    internal static string NameSql(string alias, SqlDialect dialect) =>
        dialect.IsPostgres ? $"{alias}.name_fold" : $"{SqliteFunction}({alias}.name)";

    /// <summary>The PostgreSQL expression of name_fold (see PostgresRevBotDb).</summary>
    /// <remarks>
    /// translate() looks every character up in the accented letters (multibyte): 10.5 s of PostgreSQL's CPU for the
    /// demo's 1.18M deal names, which the demo load paid once more for the stored column. A text whose lower case is
    /// printable ASCII only, which translate leaves as it is, skips it: 1.2 s for the same names (docs/benchmarks.md).
    /// </remarks>
    public static string PostgresFold(string expression) =>
        $"CASE WHEN lower({expression}) ~ '^[ -~]*$' THEN lower({expression}) ELSE translate(lower({expression}), '{Accented}', '{Plain}') END";
}

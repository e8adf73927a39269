using RevBot.Core.Answers;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// How an answer restates what it computed, read aloud: the filters ("Darcel Schlecht, West region") and the period
/// after the right preposition ("for Q4 2026 (Oct 1 – Dec 31, 2026)", "since Oct 1, 2026", "del 5 oct al 3 nov 2026").
/// A wrong filter or period can only be noticed if the sentence says it.
/// </summary>
public static partial class ScopeText
{
    /// <summary>The filters as people read them. <paramref name="names"/> maps an owner's email or an account's id to its name.</summary>
    public static string Filters(IReadOnlyDictionary<Dimension, string> filters, IReadOnlyDictionary<Dimension, string>? names, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return string.Join(", ", filters.OrderBy(kv => kv.Key).Select(kv => One(kv.Key, names is not null && names.TryGetValue(kv.Key, out var n) ? n : kv.Value, spanish)));
    }

    private static string One(Dimension d, string v, bool es) => (d, es) switch
    {
        (Dimension.Owner or Dimension.Account, _) => v,
        (Dimension.Team, false) => $"{v} team",
        (Dimension.Region, false) => $"{v} region",
        (Dimension.Segment, false) => $"{v} segment",
        (Dimension.Industry, false) => $"{v} industry",
        (Dimension.Type, _) => DealTypeName(v, es),
        (_, false) => $"{DimensionText.Name(d, false)} {v}",
        (_, true) => $"{DimensionText.Name(d, true)} {v}",
    };

    /// <summary>A deal type as a plural noun ("renewals", "renovaciones"); a value that is no deal type is shown as stored.</summary>
    internal static string DealTypeName(string v, bool es) => (EnumText.TryParse<DealType>(v, out var type) ? type : (DealType?)null) switch
    {
        DealType.New => es ? "negocio nuevo" : "new business",
        DealType.Expansion => es ? "ampliaciones" : "expansions",
        DealType.Renewal => es ? "renovaciones" : "renewals",
        _ => es ? $"tipo {v}" : $"{v} deals",
    };

    /// <summary>
    /// The period after a preposition: EN "for Q4 2026 (Oct 1 – Dec 31, 2026)" (or "in …" with <paramref name="preposition"/>),
    /// "since Oct 1, 2026", "on Nov 27, 2026"; ES "en T4 2026 (del 1 oct al 31 dic 2026)", "desde el 1 oct 2026", "el 27 nov 2026".
    /// </summary>
    public static string Period(Period period, AnswerFormatter f, string preposition = "for", bool withRange = true)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(f);
        var label = period.Label;
        var range = f.DateRange(period);
        var paren = withRange && period.HasStart && period.HasEnd && period.Start != period.End ? $" ({(f.Spanish ? f.RangePhrase(period) : range)})" : "";
        // Labels that already carry their own preposition: "since …", "desde el …", "open as of …", "abiertos a …".
        if (label.StartsWith("open as of ", StringComparison.Ordinal) || label.StartsWith("abiertos a ", StringComparison.Ordinal))
            return label;
        if (label.StartsWith("since ", StringComparison.Ordinal) || label.StartsWith("desde ", StringComparison.Ordinal))
            return label + paren;
        if (period.Start == period.End) return f.Spanish ? $"el {label}" : $"on {label}";
        if (label == range) return f.Spanish ? f.RangePhrase(period) : $"{preposition} {label}";
        var named = label.StartsWith("week of ", StringComparison.Ordinal) ? "the " + label
            : label.StartsWith("semana ", StringComparison.Ordinal) ? "la " + label : label;
        return f.Spanish ? $"en {named}{paren}" : $"{preposition} {named}{paren}";
    }

    /// <summary>Filters then period: "for Darcel Schlecht, Q4 2026 (…)", "for Darcel Schlecht since Oct 1, 2026"; ES "para Darcel Schlecht, en T4 2026 (…)".</summary>
    public static string Scoped(string filters, Period period, AnswerFormatter f, string preposition = "for")
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(f);
        var when = Period(period, f, preposition);
        if (filters.Length == 0) return when;
        if (f.Spanish) return $"para {filters}, {when}";
        return when.StartsWith(preposition + " ", StringComparison.Ordinal) ? $"for {filters}, {when[(preposition.Length + 1)..]}" : $"for {filters} {when}";
    }
}

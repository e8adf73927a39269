using RevBot.Core.Answers;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
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
    public static string Filters(IReadOnlyDictionary<Dimension, string> filters, IReadOnlyDictionary<Dimension, string>? names, string language)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return string.Join(", ", filters.OrderBy(kv => kv.Key).Select(kv => One(kv.Key, names is not null && names.TryGetValue(kv.Key, out var n) ? n : kv.Value, language)));
    }

    private static string One(Dimension d, string v, string language) => d switch
    {
        Dimension.Owner or Dimension.Account => v,
        Dimension.Team => Texts.Get(language, nameof(Catalog.AnswerScopeTeam), v),
        Dimension.Region => Texts.Get(language, nameof(Catalog.AnswerScopeRegion), v),
        Dimension.Segment => Texts.Get(language, nameof(Catalog.AnswerScopeSegment), v),
        Dimension.Industry => Texts.Get(language, nameof(Catalog.AnswerScopeIndustry), v),
        Dimension.Type => DealTypeName(v, language),
        _ => Texts.Get(language, nameof(Catalog.AnswerScopeNamed), DimensionText.Name(d, language), v),
    };

    /// <summary>A deal type as a plural noun ("renewals", "renovaciones"); a value that is no deal type is shown as stored.</summary>
    internal static string DealTypeName(string v, string language) => (EnumText.TryParse<DealType>(v, out var type) ? type : (DealType?)null) switch
    {
        DealType.New => Texts.Get(language, nameof(Catalog.AnswerDealTypeNew)),
        DealType.Expansion => Texts.Get(language, nameof(Catalog.AnswerDealTypeExpansion)),
        DealType.Renewal => Texts.Get(language, nameof(Catalog.AnswerDealTypeRenewal)),
        _ => Texts.Get(language, nameof(Catalog.AnswerDealTypeOther), v),
    };

    /// <summary>
    /// The period after a preposition: EN "for Q4 2026 (Oct 1 – Dec 31, 2026)" (or "in …" with <paramref name="preposition"/>
    /// "in", none with ""), "since Oct 1, 2026", "on Nov 27, 2026"; ES "en T4 2026 (del 1 oct al 31 dic 2026)", "desde el
    /// 1 oct 2026", "el 27 nov 2026". The preposition names the English one; each language's catalog says its own.
    /// </summary>
    public static string Period(Period period, AnswerFormatter f, string preposition = "for", bool withRange = true) =>
        Phrase(period, f, preposition, withRange).Text;

    /// <summary>Filters then period: "for Darcel Schlecht, Q4 2026 (…)", "for Darcel Schlecht since Oct 1, 2026"; ES "para Darcel Schlecht, en T4 2026 (…)".</summary>
    public static string Scoped(string filters, Period period, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(f);
        var (when, named, form) = Phrase(period, f, "for", withRange: true);
        if (filters.Length == 0) return when;
        return form switch
        {
            Form.Named => f.Text(nameof(Catalog.AnswerScopedNamed), filters, named),
            Form.Range => f.Text(nameof(Catalog.AnswerScopedRange), filters, named),
            _ => f.Text(nameof(Catalog.AnswerScopedOther), filters, when),
        };
    }

    /// <summary>The period phrase, what it names without its preposition, and which of the forms it took.</summary>
    private static (string Text, string Named, Form Form) Phrase(Period period, AnswerFormatter f, string preposition, bool withRange)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(f);
        var label = period.Label;
        var paren = withRange && period.HasStart && period.HasEnd && period.Start != period.End ? $" ({f.RangePhrase(period)})" : "";
        // The form the label took where the period was made says which words go around it: "since …", "open as of …"
        // carry their own preposition; a week is read with an article ("the week of …").
        if (period.LabelForm == PeriodLabelForm.OpenAsOf)
            return (label, label, Form.Other);
        if (period.LabelForm == PeriodLabelForm.Since)
            return (label + paren, label + paren, Form.Other);
        if (period.Start == period.End) return (f.Text(nameof(Catalog.AnswerPeriodOnDay), label), label, Form.Other);
        if (period.LabelForm == PeriodLabelForm.Range)
        {
            var range = f.RangePhrase(period);
            return (f.Text(preposition switch
            {
                "in" => nameof(Catalog.AnswerPeriodInRange),
                "" => nameof(Catalog.AnswerPeriodBareRange),
                _ => nameof(Catalog.AnswerPeriodForRange),
            }, range), range, Form.Range);
        }
        var named = (period.LabelForm is PeriodLabelForm.WeekOf or PeriodLabelForm.WeekOfToDate
            ? f.Text(nameof(Catalog.AnswerPeriodWeek), label) : label) + paren;
        return (f.Text(preposition switch
        {
            "in" => nameof(Catalog.AnswerPeriodIn),
            "" => nameof(Catalog.AnswerPeriodBare),
            _ => nameof(Catalog.AnswerPeriodFor),
        }, named), named, Form.Named);
    }

    private enum Form { Named, Range, Other }
}

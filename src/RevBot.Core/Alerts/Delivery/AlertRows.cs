using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// The facts to act on an alert, in the message's language: a single alert's card shows them as label/value pairs, a
/// grouped message as one short line per deal or account ("$90K · Alice Adams · Discovery · closes Aug 15 · stalled 5
/// days"), so no row needs a table to read on a phone.
/// </summary>
internal static class AlertRows
{
    public static IReadOnlyList<ReplyFact> Facts(AlertSubject s, string language)
    {
        if (s.Details is not { } d) return [];
        var t = new AlertText(language, d.Currency);
        if (s.Kind == AlertKind.StalledDeal)
            return
            [
                new(t.Get(nameof(Catalog.AlertFactAmount)), t.Money(d.Amount)),
                new(t.Get(nameof(Catalog.AlertFactOwner)), Owner(d, t)),
                new(t.Get(nameof(Catalog.AlertFactStage)), d.Stage ?? t.Get(nameof(Catalog.AlertNoValue))),
                new(t.Get(nameof(Catalog.AlertFactCloseDate)), Day(d.CloseDate, t)),
                new(t.Get(nameof(Catalog.AlertFactStalledFor)), d.DaysStalled is { } n ? t.Days(n) : t.Get(nameof(Catalog.AlertNoValue))),
            ];
        List<ReplyFact> facts =
        [
            new(t.Get(nameof(Catalog.AlertFactArr)), t.Money(d.Amount)),
            new(t.Get(nameof(Catalog.AlertFactOwner)), Owner(d, t)),
        ];
        if (d.CsOwnerName is { } cs) facts.Add(new(t.Get(nameof(Catalog.AlertFactCsOwner)), cs));
        facts.Add(new(t.Get(nameof(Catalog.AlertFactRenewal)), Day(d.RenewalDate, t)));
        var scoreLabel = s.Kind == AlertKind.Expansion ? nameof(Catalog.ExpansionFactScore) : nameof(Catalog.AlertFactScore);
        if (s.Score is { } score) facts.Add(new(t.Get(scoreLabel), t.Get(nameof(Catalog.AlertScoreValue), score)));
        return facts;
    }

    /// <summary>The facts on one line; empty when they were not read.</summary>
    public static string Line(AlertSubject s, string language)
    {
        if (s.Details is not { } d) return "";
        var t = new AlertText(language, d.Currency);
        var owner = d.CsOwnerName is { } cs ? t.Get(nameof(Catalog.AlertOwnerWithCs), Owner(d, t), cs) : Owner(d, t);
        return s.Kind == AlertKind.StalledDeal
            ? t.Get(nameof(Catalog.AlertRowStalled), t.Money(d.Amount), owner, d.Stage ?? t.Get(nameof(Catalog.AlertNoValue)),
                d.CloseDate is { } close ? t.Get(nameof(Catalog.AlertRowCloses), t.Date(close)) : t.Get(nameof(Catalog.AlertRowNoCloseDate)),
                d.DaysStalled is { } n ? t.Days(n) : t.Get(nameof(Catalog.AlertNoValue)))
            : t.Get(s.Kind == AlertKind.Expansion ? nameof(Catalog.ExpansionRow) : nameof(Catalog.AlertRowChurn), t.Money(d.Amount), owner,
                d.RenewalDate is { } renews ? t.Get(nameof(Catalog.AlertRowRenews), t.Date(renews)) : t.Get(nameof(Catalog.AlertRowNoRenewal)),
                s.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–");
    }

    /// <summary>"• Stalled deal: Acme — $90K · …" then "Why: …" on its own line.</summary>
    public static string Bullet(AlertSubject s, string title, string language)
    {
        var line = Line(s, language);
        var head = line.Length == 0 ? $"• {title}" : $"• {title} — {line}";
        return $"{head}\n   {Texts.Get(language, nameof(Catalog.AlertWhy), s.Why(language))}";
    }

    private static string Owner(AlertSubjectDetails d, AlertText t) => d.OwnerName ?? t.Get(nameof(Catalog.AlertNoOwner));

    private static string Day(DateOnly? day, AlertText t) => day is { } x ? t.Date(x) : t.Get(nameof(Catalog.AlertNoValue));
}

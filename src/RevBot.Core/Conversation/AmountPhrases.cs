using System.Text.RegularExpressions;
using RevBot.Core.Deals;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// Finds deal amount conditions: "over 50k", "at least $1.5M", "under 5,000", "between $10k and $50k", "50k or more";
/// ES "más de 50.000 €", "menos de 5k", "entre 10 mil y 50 mil", "hasta 1 millón". The number itself is read by
/// <see cref="AmountReader"/> in the question's language ("50,000" in English, "50.000" in Spanish; an ambiguous one
/// is no amount and the reader asks). A bare number needs a comparator and must not count something else ("more
/// than 5 deals", "over 30 days"), and a range needs one end that is clearly money, so "from 2024 to 2025" stays a period.
/// </summary>
internal static partial class AmountPhrases
{
    private enum Bound
    {
        Over,
        AtLeast,
        Under,
        AtMost,
    }

    private static readonly (string[] Words, Bound Bound)[] Before =
    [
        (["over"], Bound.Over), (["above"], Bound.Over), (["more", "than"], Bound.Over), (["greater", "than"], Bound.Over),
        (["bigger", "than"], Bound.Over), (["larger", "than"], Bound.Over), (["higher", "than"], Bound.Over), (["exceeding"], Bound.Over),
        (["in", "excess", "of"], Bound.Over), (["north", "of"], Bound.Over), (["upwards", "of"], Bound.Over),
        (["at", "least"], Bound.AtLeast), (["minimum", "of"], Bound.AtLeast), (["minimum"], Bound.AtLeast), (["min"], Bound.AtLeast),
        (["no", "less", "than"], Bound.AtLeast),
        (["under"], Bound.Under), (["below"], Bound.Under), (["less", "than"], Bound.Under), (["smaller", "than"], Bound.Under),
        (["lower", "than"], Bound.Under), (["beneath"], Bound.Under),
        (["up", "to"], Bound.AtMost), (["at", "most"], Bound.AtMost), (["maximum", "of"], Bound.AtMost), (["maximum"], Bound.AtMost),
        (["max"], Bound.AtMost), (["no", "more", "than"], Bound.AtMost),
        (["mas", "de"], Bound.Over), (["mas", "que"], Bound.Over), (["por", "encima", "de"], Bound.Over), (["encima", "de"], Bound.Over),
        (["superior", "a"], Bound.Over), (["superiores", "a"], Bound.Over), (["mayor", "de"], Bound.Over), (["mayor", "a"], Bound.Over),
        (["mayor", "que"], Bound.Over), (["mayores", "de"], Bound.Over), (["mayores", "a"], Bound.Over), (["mayores", "que"], Bound.Over),
        (["arriba", "de"], Bound.Over),
        (["al", "menos"], Bound.AtLeast), (["por", "lo", "menos"], Bound.AtLeast), (["como", "minimo"], Bound.AtLeast),
        (["minimo", "de"], Bound.AtLeast), (["minimo"], Bound.AtLeast), (["a", "partir", "de"], Bound.AtLeast),
        (["menos", "de"], Bound.Under), (["menos", "que"], Bound.Under), (["por", "debajo", "de"], Bound.Under), (["debajo", "de"], Bound.Under),
        (["inferior", "a"], Bound.Under), (["inferiores", "a"], Bound.Under), (["menor", "de"], Bound.Under), (["menor", "a"], Bound.Under),
        (["menor", "que"], Bound.Under), (["menores", "de"], Bound.Under), (["menores", "a"], Bound.Under), (["menores", "que"], Bound.Under),
        (["hasta"], Bound.AtMost), (["como", "maximo"], Bound.AtMost), (["maximo", "de"], Bound.AtMost), (["maximo"], Bound.AtMost),
        (["no", "mas", "de"], Bound.AtMost),
    ];

    private static readonly (string[] Words, Bound Bound)[] After =
    [
        (["or", "more"], Bound.AtLeast), (["or", "above"], Bound.AtLeast), (["or", "higher"], Bound.AtLeast), (["or", "bigger"], Bound.AtLeast),
        (["and", "up"], Bound.AtLeast), (["and", "above"], Bound.AtLeast), (["plus"], Bound.AtLeast),
        (["or", "less"], Bound.AtMost), (["or", "below"], Bound.AtMost), (["or", "lower"], Bound.AtMost), (["or", "smaller"], Bound.AtMost),
        (["o", "mas"], Bound.AtLeast), (["en", "adelante"], Bound.AtLeast), (["o", "superior"], Bound.AtLeast), (["o", "superiores"], Bound.AtLeast),
        (["o", "menos"], Bound.AtMost), (["o", "inferior"], Bound.AtMost), (["o", "inferiores"], Bound.AtMost),
    ];

    private static readonly (string[] Open, string Join)[] Ranges =
    [
        (["between"], "and"), (["from"], "to"), (["entre"], "y"), (["de"], "a"), (["desde"], "hasta"), ([], "to"), ([], "-"), ([], "a"),
    ];

    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.Ordinal)
    {
        ["k"] = 1_000m, ["thousand"] = 1_000m, ["thousands"] = 1_000m, ["grand"] = 1_000m, ["mil"] = 1_000m,
        ["m"] = 1_000_000m, ["mm"] = 1_000_000m, ["million"] = 1_000_000m, ["millions"] = 1_000_000m, ["millon"] = 1_000_000m,
        ["millones"] = 1_000_000m, ["b"] = 1_000_000_000m, ["bn"] = 1_000_000_000m, ["billion"] = 1_000_000_000m,
        ["billions"] = 1_000_000_000m,
    };

    private static readonly HashSet<string> CurrencyWords = new(StringComparer.Ordinal)
    {
        "usd", "dollars", "dollar", "bucks", "eur", "euro", "euros", "dolares", "dolar", "gbp", "pounds",
    };

    /// <summary>What a bare number after a comparator counts instead of money ("more than 5 deals", "over 30 days").</summary>
    private static readonly HashSet<string> CountedNouns = new(StringComparer.Ordinal)
    {
        "deal", "deals", "opportunities", "opps", "negocio", "negocios", "oportunidades", "customers", "clientes", "accounts", "cuentas",
        "reps", "comerciales", "day", "days", "dia", "dias", "week", "weeks", "semana", "semanas", "month", "months", "mes", "meses",
        "quarter", "quarters", "trimestre", "trimestres", "year", "years", "ano", "anos", "%", "percent", "por", "points", "puntos",
    };

    [GeneratedRegex(@"^(?<n>\d+(?:[.,]\d+)*)(?<s>k|mm|m|bn|b)?$")]
    private static partial Regex NumberToken();

    public static IEnumerable<Span> Find(IReadOnlyList<Token> tokens, string language)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var (words, bound) in Before)
            {
                if (!At(tokens, i, words) || Read(tokens, i + words.Length, language) is not { } amount || amount.CountsSomething)
                    continue;
                yield return Amount(i, amount.End, Range(bound, amount.Value));
            }
            if (Read(tokens, i, language) is { } alone)
            {
                foreach (var (words, bound) in After)
                {
                    if (At(tokens, alone.End, words) && !alone.CountsSomething)
                        yield return Amount(i, alone.End + words.Length, Range(bound, alone.Value));
                }
            }
            foreach (var (open, join) in Ranges)
            {
                if (!At(tokens, i, open) || Read(tokens, i + open.Length, language) is not { } low || !At(tokens, low.End, [join])
                    || Read(tokens, low.End + 1, language) is not { } high)
                    continue;
                // One end must be clearly money, and the other must not count something else.
                if ((low.Strong || high.Strong) && !high.CountsSomething && high.Value >= low.Value)
                {
                    // "between 10 and 50k": a bare low end takes the high end's scale.
                    var lowValue = !low.Strong && high.Scale > 1 && low.Value * high.Scale <= high.Value ? low.Value * high.Scale : low.Value;
                    yield return Amount(i, high.End, new AmountRange(lowValue, high.Value, MinInclusive: true, MaxInclusive: true));
                }
            }
        }
    }

    private static Span Amount(int start, int end, AmountRange range) => new(start, end - start, SpanKind.Amount, 1.0) { Amount = range };

    private static AmountRange Range(Bound bound, decimal value) => bound switch
    {
        Bound.Over => new AmountRange(value, null),
        Bound.AtLeast => new AmountRange(value, null, MinInclusive: true),
        Bound.Under => new AmountRange(null, value),
        _ => new AmountRange(null, value, MaxInclusive: true),
    };

    private static bool At(IReadOnlyList<Token> tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Count)
            return false;
        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[i + k].Text != words[k])
                return false;
        }
        return true;
    }

    /// <summary>An amount from token <paramref name="i"/>: its value, the token after it, whether it is clearly money
    /// (a k/M scale, a separator or a currency word) and whether a bare number is followed by what it counts.</summary>
    private static (decimal Value, int End, bool Strong, bool CountsSomething, decimal Scale)? Read(IReadOnlyList<Token> tokens, int i, string language)
    {
        if (i >= tokens.Count)
            return null;
        var text = tokens[i].Text;
        string number;
        string? suffix = null;
        var end = i + 1;
        if (text is "a" or "an" or "un" or "one" && end < tokens.Count && Multipliers.ContainsKey(tokens[end].Text) && tokens[end].Text.Length > 2)
        {
            number = "1";
        }
        else
        {
            var m = NumberToken().Match(text);
            if (!m.Success)
                return null;
            number = m.Groups["n"].Value;
            suffix = m.Groups["s"].Success ? m.Groups["s"].Value : null;
            // "50 000": thousands groups typed with spaces.
            while (suffix is null && end < tokens.Count && tokens[end].IsNumber && tokens[end].Text.Length == 3 && number.All(char.IsAsciiDigit) && number.Length <= 3)
                number += " " + tokens[end++].Text;
        }
        if (!AmountReader.TryRead(number, language, out var value, out _))
            return null;
        var scale = suffix is not null ? Multipliers[suffix] : 1m;
        if (suffix is null && end < tokens.Count && Multipliers.TryGetValue(tokens[end].Text, out var word))
        {
            scale = word;
            end++;
            // "mil millones" is a thousand million.
            if (word == 1_000m && end < tokens.Count && tokens[end].Text is "millones" or "millon")
            {
                scale = 1_000_000_000m;
                end++;
            }
        }
        var currency = false;
        if (end < tokens.Count && CurrencyWords.Contains(tokens[end].Text))
        {
            currency = true;
            end++;
        }
        var strong = scale > 1 || currency || !text.All(char.IsAsciiDigit) && text is not ("a" or "an" or "un" or "one");
        var bare = value * scale;
        // A bare year-like number is a year ("from 2024 to 2025"), and one before a counted noun counts that.
        var countsSomething = !strong && (end < tokens.Count && CountedNouns.Contains(tokens[end].Text) || value is >= 1900 and <= 2100);
        return (bare, end, strong, countsSomething, scale);
    }
}

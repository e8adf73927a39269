using System.Text.RegularExpressions;
using RevBot.Core.Answers;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>Deal events: "any deal over $100k moves to Negotiation", "a deal of mine is pushed out of the quarter",
/// "algún negocio mío se sale del trimestre". The stage is one of the company's (the question vocabulary).</summary>
internal static partial class WatchSentenceReader
{
    private static WatchRequest? DealEvent(string rest, string language, ParseContext context)
    {
        if (Pushed().Match(rest) is { Success: true } pushed)
            return Deal(pushed, language) with { Kind = WatchKind.DealPushed };
        if (StageMove().Match(rest) is not { Success: true } move) return null;
        var said = move.Groups["stage"].Value.Trim();
        var stage = Stage(said, context);
        return Deal(move, language) with
        {
            Kind = WatchKind.DealStage,
            Stage = stage ?? said,
            Problem = stage is null ? nameof(Localization.Catalog.WatchUnknownStage) : null,
        };
    }

    private static WatchRequest Deal(Match m, string language)
    {
        var amount = m.Groups["num"].Success ? WatchThresholds.Amount(m.Groups["num"].Value, m.Groups["suffix"].Value, true, language) : null;
        var mine = m.Groups["my"].Success || m.Groups["mine"].Success || m.Groups["mine2"].Success;
        return new WatchRequest { Question = m.Value, MinAmount = amount?.Number, Mine = mine };
    }

    /// <summary>The company's stage the words name: by its name (accents and case aside), else as the question reader reads it.</summary>
    private static string? Stage(string said, ParseContext context)
    {
        var stages = (context.Vocabulary ?? QuestionVocabulary.Empty).Of(Dimension.Stage);
        var folded = Tokenizer.FoldAccents(said).ToLowerInvariant();
        if (stages.FirstOrDefault(s => Tokenizer.FoldAccents(s.Name).ToLowerInvariant() == folded) is { } named) return named.Name;
        var read = QuestionParser.Parse(said, context);
        return read.Filters.TryGetValue(Dimension.Stage, out var key) ? stages.FirstOrDefault(s => s.Key == key)?.Name ?? key : null;
    }

    private const string Amount = @"(?<cur>[$€£]\s?)?(?<num>\d+(?:[.,]\d+)*)\s?(?<suffix>k|mm|m|bn|b|mil|mill[oó]n|millones|million)?(?![\w])(?:\s?(?:usd|eur|euros|d[oó]lares))?";
    private const string DealEn = @"^(?:any|a|an|one|some)?\s*(?:of\s+)?(?<my>my|our)?\s*(?:deal|deals|opportunity|opportunities|opps?)\s*(?<mine>of\s+mine|i\s+own)?\s*"
        + @"(?:(?:over|above|bigger\s+than|larger\s+than|greater\s+than|worth\s+more\s+than|worth\s+over|of\s+more\s+than|of\s+over)\s+" + Amount + @")?\s*(?<mine2>of\s+mine)?\s*";
    private const string DealEs = @"^(?:alg[uú]n|alguna|un|una|cualquier|uno\s+de|una\s+de)?\s*(?<my>mis|nuestros|nuestras)?\s*(?:negocios?|oportunidad(?:es)?|tratos?|deals?)\s*(?<mine>m[ií]os?|m[ií]as?)?\s*"
        + @"(?:(?:de\s+m[aá]s\s+de|por\s+encima\s+de|mayor(?:es)?\s+(?:de|que)|de\s+m[aá]s\s+que|que\s+supere)\s+" + Amount + @")?\s*(?<mine2>m[ií]os?|m[ií]as?)?\s*";

    [GeneratedRegex("(?:" + DealEn + @"(?:moves?|goes|gets|is\s+moved|advances?|enters?|reaches|hits|lands)\s+(?:to|into|in|at)?\s*(?:the\s+)?(?<stage>.+?)(?:\s+stage)?"
        + "|" + DealEs + @"(?:pasa|pase|llega|llegue|entra|entre|avanza|avance|se\s+mueve|se\s+mueva)\s+(?:a\s+la\s+|a\s+|al\s+|en\s+)(?:etapa\s+|fase\s+)?(?:de\s+)?(?<stage>.+?)"
        + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StageMove();

    [GeneratedRegex("(?:" + DealEn + @"(?:is\s+|gets\s+|are\s+|get\s+)?(?:pushed|slips?|slipped|moved|moves|pushes|is\s+pushed)\s+(?:out\s+of|past|beyond|outside(?:\s+of)?|to\s+after|into\s+next)\s+(?:the\s+|this\s+|next\s+)?quarter"
        + "|" + DealEs + @"(?:se\s+sale|sale|se\s+va|se\s+mueve|se\s+retrasa|se\s+pasa|se\s+empuja|es\s+empujad[oa]|se\s+cae|se\s+aplaza|se\s+posterga)\s+(?:fuera\s+)?(?:del|de\s+este|al\s+siguiente|al\s+pr[oó]ximo|m[aá]s\s+all[aá]\s+del)\s+trimestre"
        + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pushed();
}

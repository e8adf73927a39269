using System.Text.RegularExpressions;
using RevBot.Core.Answers;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// Reads "tell me when / notify me if / alert #channel if / avísame si / avisa a #canal cuando …" sentences: who is
/// told, then either a deal event ("any deal over $100k moves to Negotiation", "a deal of mine is pushed out of the
/// quarter") or a question RevBot can answer plus the line it crosses. The question is read by
/// <see cref="QuestionParser"/> itself, so its metric, filters and period, and every refusal of a word it does not
/// know, are the reader's own: a watch over a question that cannot be fully read returns that reading, unanswered.
/// </summary>
internal static partial class WatchSentenceReader
{
    /// <summary>How far ahead the question is read again to tell a rolling period ("this quarter", "Q4") from a fixed one ("Q4 2026").</summary>
    private const int ProbeMonths = 15;

    /// <summary>True when the text opens like a watch ("tell me when …"): a cheap test before anything is loaded.</summary>
    public static bool Opens(string text) => Lead().IsMatch(Spaces().Replace(Tokenizer.Clean(ChannelMention(text ?? "").Text), " ").Trim());

    /// <summary>The reading of a watch sentence, or null when the text is not one.</summary>
    public static ParsedQuestion? Read(string text, string language, ParseContext context)
    {
        var (channelId, withNames) = ChannelMention(text ?? "");
        var cleaned = Spaces().Replace(Tokenizer.Clean(withNames), " ").Trim();
        var lead = Lead().Match(cleaned);
        if (!lead.Success) return null;
        var target = Target(lead.Groups["target"], channelId);
        var rest = Trailing().Replace(lead.Groups["rest"].Value, "").Trim();
        var watch = new WatchRequest { Target = target, Question = rest };
        var asked = new ParsedQuestion { Intent = Intent.Watch, Language = language, Confidence = 1 };
        if (DealEvent(rest, language, context) is { } deal)
            return asked with { Watch = deal with { Target = target } };
        return Threshold(rest, language, context, watch, asked);
    }

    private static ParsedQuestion Threshold(string rest, string language, ParseContext context, WatchRequest watch, ParsedQuestion asked)
    {
        if (WatchThresholds.Find(rest, language) is not { } line)
            return asked with { Watch = watch with { Problem = nameof(Localization.Catalog.WatchNoThreshold) } };
        var question = Spaces().Replace(rest.Remove(line.Index, line.Length), " ").Trim(' ', ',', '?', '.', '!', '¿', '¡');
        watch = watch with { Question = question, Comparator = line.Comparator };
        if (question.Length == 0)
            return asked with { Watch = watch with { Problem = nameof(Localization.Catalog.WatchNotOneNumber) } };
        var inner = QuestionParser.Parse(question, context);
        // Not fully read: the question's own refusal or clarification, which names the words (AskService answers it).
        if (inner.Intent is Intent.Unknown or Intent.Clarify || inner.Unplaced.Count > 0)
            return inner with { Language = language, Watch = watch };
        if (inner.Intent != Intent.Metric || inner.Metric is null || inner.GroupBy is not null || inner.TrendPeriods is > 1 || inner.IsFollowUp)
            return inner with { Intent = Intent.Watch, Language = language, Watch = watch with { Problem = nameof(Localization.Catalog.WatchNotOneNumber) } };
        var unit = MetricCatalog.Get(inner.Metric).Unit;
        var scaled = WatchThresholds.Scale(line.Comparator, line.Number, line.Unit, unit);
        watch = watch with
        {
            Kind = WatchKind.Threshold,
            Metric = inner.Metric,
            Filters = FilterText.ToJson(inner.Filters),
            Threshold = scaled,
            Unit = line.Comparator == WatchComparator.ChangesBy && line.Unit == WatchUnit.Percent ? WatchUnit.Percent
                : unit is MetricUnit.Ratio or MetricUnit.Multiple && line.Unit is WatchUnit.Percent or WatchUnit.Multiple ? line.Unit : UnitOf(unit),
            PeriodRule = PeriodRule(question, inner, context),
            Problem = scaled is null ? nameof(Localization.Catalog.WatchUnitMismatch) : null,
        };
        return inner with { Intent = Intent.Watch, Language = language, Watch = watch };
    }

    private static WatchUnit UnitOf(MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => WatchUnit.Percent,
        MetricUnit.Multiple => WatchUnit.Multiple,
        MetricUnit.Currency or MetricUnit.CurrencyPerDay => WatchUnit.Currency,
        _ => WatchUnit.Number,
    };

    /// <summary>The same words read a year and a quarter later: the same dates mean a fixed period, others a rolling one.</summary>
    private static WatchPeriodRule PeriodRule(string question, ParsedQuestion inner, ParseContext context)
    {
        if (inner.PeriodIsDefault || inner.Period is null) return WatchPeriodRule.Default;
        var later = QuestionParser.Parse(question, context with { AsOf = context.AsOf.AddMonths(ProbeMonths) });
        return later.Period is { } p && p.Start == inner.Period.Start && p.End == inner.Period.End ? WatchPeriodRule.Fixed : WatchPeriodRule.Rolling;
    }

    private static WatchTarget Target(Group said, string? channelId)
    {
        if (!said.Success) return WatchTarget.Me;
        var t = said.Value.Trim().ToLowerInvariant();
        if (t is "me" or "us") return WatchTarget.Me;
        if (t.StartsWith('#')) return new WatchTarget { ChannelName = t[1..], ChannelId = channelId };
        return new WatchTarget { Here = true };
    }

    /// <summary>Slack writes a mentioned channel as &lt;#C123|sales-leads&gt;: the id is kept, the text reads "#sales-leads".</summary>
    private static (string? Id, string Text) ChannelMention(string text)
    {
        var m = SlackChannel().Match(text);
        if (!m.Success) return (null, text);
        var name = m.Groups["name"].Success && m.Groups["name"].Value.Length > 0 ? m.Groups["name"].Value : m.Groups["id"].Value;
        return (m.Groups["id"].Value, text.Remove(m.Index, m.Length).Insert(m.Index, "#" + name));
    }

    [GeneratedRegex(@"<#(?<id>[A-Z0-9]+)(?:\|(?<name>[^>]*))?>")]
    private static partial Regex SlackChannel();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\s?!.]+$")]
    private static partial Regex Trailing();

    private const string Targets = @"(?<target>me|us|here|this\s+channel|the\s+channel|#[\w.-]+)";
    private const string TargetsEs = @"(?<target>#[\w.-]+|este\s+canal|aqu[ií]|el\s+canal)";

    [GeneratedRegex(@"^(?:(?:hey|hi|ok|hola)\s+\w+[,!]?\s+)?(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+|por\s+favor[,]?\s+)?(?:"
        + @"(?:tell|notify|alert|ping|message|warn|dm|let|remind)\s+" + Targets + @"(?:\s+know)?"
        + @"|(?:send|post)\s+(?:an?\s+)?(?:alert|message|note)?\s*(?:to|in)\s+" + Targets
        + @"|(?:av[ií]same|notif[ií]came|al[eé]rtame|dime|av[ií]sanos|escr[ií]beme|mand[aá]me\s+un\s+mensaje)"
        + @"|(?:avisa|alerta|notifica|escribe|publica|av[ií]sale|pon\s+un\s+aviso)\s+(?:a\s+|en\s+|al\s+canal\s+)?" + TargetsEs
        + @")[,]?\s+(?:when(?:ever)?|if|as\s+soon\s+as|once|the\s+moment|cuando|si|en\s+cuanto|apenas)\s+(?<rest>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Lead();
}

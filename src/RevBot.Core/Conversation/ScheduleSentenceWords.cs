using System.Text.RegularExpressions;

namespace RevBot.Core.Conversation;

/// <summary>
/// The words of a schedule sentence other than its recurrence (<see cref="ScheduleRecurrence"/>): the time of day, who
/// gets it, the options and the verbs that only say "schedule this". Accent-folded lower-case text; data only.
/// </summary>
internal static class ScheduleSentenceWords
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>"at 9", "at 8:30", "at 5pm", "a las 9", "a las 17h", "a las 5 de la tarde", "9am", "16:30", "noon".</summary>
    public static readonly Regex[] Times =
    [
        new(@"\b(?:at|@|a\s+las?)\s+(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s*(?<ap>am|pm|a\.m\.|p\.m\.|h|hrs|horas)?(?:\s+(?<es>de\s+la\s+(?:manana|tarde|noche)))?(?![\w:])", Options),
        new(@"@\s*(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s*(?<ap>am|pm)?(?![\w:])", Options),
        new(@"\b(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>am|pm|a\.m\.|p\.m\.)(?!\w)", Options),
        new(@"\b(?<h>\d{1,2}):(?<m>\d{2})\b", Options),
        new(@"\b(?:at\s+)?(?<noon>noon|midday)\b|\bal\s+(?<noon>mediodia)\b", Options),
    ];

    /// <summary>To the asker by direct message.</summary>
    public static readonly Regex[] Me =
    [
        new(@"\bsend\s+(?:it\s+|this\s+|that\s+)?(?:to\s+)?me\b", Options),
        new(@"\b(?:dm|message|ping|remind)\s+me(?:\s+(?:with|about|of))?\b", Options),
        new(@"\b(?:to\s+me|for\s+me)\b(?=\s*(?:$|[,.;:]|every|each|daily|weekly|monthly|on\b|at\b|only|skip))", Options),
        new(@"\b(?:in|by|as)\s+(?:a\s+)?(?:dm|direct\s+message|private\s+message|private)\b", Options),
        new(@"\b(?:enviame(?:lo)?|mandame(?:lo)?|enviarme(?:lo)?|mandarme(?:lo)?|pasame(?:lo)?|escribeme|recuerdame)\b", Options),
        new(@"\bpor\s+(?:privado|mensaje\s+(?:directo|privado)|dm)\b", Options),
    ];

    /// <summary>To the channel the sentence was written in.</summary>
    public static readonly Regex[] Here =
    [
        new(@"\b(?:in|to|on|into)\s+(?:this|the)\s+channel\b", Options),
        new(@"\b(?:in\s+)?here\b", Options),
        new(@"\b(?:post|publish)(?:\s+(?:it|this|that))?\b", Options),
        new(@"\bsend\s+(?:it\s+to\s+)?us\b", Options),
        new(@"\b(?:en|a|al)\s+(?:este\s+)?canal\b", Options),
        new(@"\baqui\b", Options),
        new(@"\b(?:publica(?:r|lo)?|comparte|compartir|envianos|mandanos)\b", Options),
    ];

    /// <summary>Verbs that only ask for the schedule: "send", "schedule", "programa", "por favor".</summary>
    public static readonly Regex[] Verbs =
    [
        new(@"^\s*(?:please\s+|can\s+you\s+|could\s+you\s+|puedes\s+|podrias\s+)?(?:schedule|set\s+up|programa(?:r|me)?|configura)\b", Options),
        new(@"\b(?:send|envia(?:r|lo)?|manda(?:r|lo)?)\b", Options),
        new(@"\b(?:please|por\s+favor)\b", Options),
    ];

    public static readonly Regex[] OnlyIfChanged =
    [
        new(@"\b(?:but\s+)?only\s+(?:if|when)\s+(?:it|anything|something|that|this|the\s+\w+)?\s*(?:has\s+|have\s+)?chang(?:ed|es)\b", Options),
        new(@"\bskip\s+(?:it\s+)?(?:if|when)\s+(?:unchanged|(?:nothing|it)\s+(?:has\s+not\s+|hasn'?t\s+|did\s+not\s+|didn'?t\s+|has\s+)?chang(?:ed|e))\b", Options),
        new(@"\b(?:unless|except\s+if)\s+(?:it\s+is\s+|it'?s\s+)?unchanged\b", Options),
        new(@"\bif\s+(?:it\s+)?(?:has\s+)?changed\b", Options),
        new(@"\b(?:pero\s+)?solo\s+(?:si|cuando)\s+(?:ha\s+|haya\s+)?(?:cambiado|cambia|cambie|cambio|hay\s+cambios)\b", Options),
        new(@"\bomit(?:ir|e|elo)\s+si\s+no\s+(?:ha\s+)?(?:cambiado|cambia)\b", Options),
        new(@"\bsi\s+(?:ha\s+)?(?:cambiado|cambia)\b", Options),
    ];

    public static readonly Regex[] SkipIfEmpty =
    [
        new(@"\bskip\s+(?:it\s+)?(?:if|when)\s+(?:it\s+is\s+|it'?s\s+|there\s+is\s+)?(?:empty|nothing)\b", Options),
        new(@"\b(?:unless|not\s+if|except\s+if|except\s+when)\s+(?:it\s+is\s+|it'?s\s+)?empty\b", Options),
        new(@"\bonly\s+if\s+(?:it\s+is\s+|it'?s\s+)?not\s+empty\b|\bonly\s+if\s+there\s+(?:is|are)\s+(?:any(?:thing)?|something|data)\b", Options),
        new(@"\bskip(?:-if)?-?\s*empty\b", Options),
        new(@"\b(?:omit(?:ir|e|elo)|saltar|salta)\s+si\s+(?:esta\s+)?vaci[oa]\b", Options),
        new(@"\b(?:salvo|excepto|menos)\s+(?:si|cuando)\s+(?:este|esta)\s+vaci[oa]\b", Options),
        new(@"\bsolo\s+si\s+(?:no\s+esta\s+vaci[oa]|hay\s+(?:algo|datos))\b|\bsi\s+no\s+esta\s+vaci[oa]\b", Options),
    ];

    /// <summary>"Europe/Madrid", "America/Argentina/Buenos_Aires", "UTC", on the text as typed (case kept).</summary>
    public static readonly Regex Zone = new(@"(?:\b(?:in|en)\s+)?(?<![\w/])(?<id>[A-Z][A-Za-z]+(?:/[A-Za-z0-9_+\-]+)+|UTC)(?![\w/])(?:\s+time)?", Options);

    /// <summary>What is left between the parts taken out: separators and joining words at either end of the question.</summary>
    public static readonly Regex Edges = new(@"^(?:\s|[,;:\-]|\b(?:and|with|then|to|that|y|con|luego|que)\b)+|(?:\s|[,;:\-]|\b(?:and|with|then|y|con|luego|de)\b)+$", Options | RegexOptions.IgnoreCase);
}

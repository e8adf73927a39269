using System.Globalization;
using System.Text.RegularExpressions;

namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>
/// Reads the alert commands in English and Spanish: "subscribe churn-risk segment:enterprise", "subscribe this channel
/// to stalled deals in EMEA over $50k", "suscribir este canal a negocios estancados en EMEA de más de 50k",
/// "unsubscribe", "subscriptions", "mute stalled alerts", "unmute". Anything it cannot place becomes a
/// <see cref="AlertCommand.Problem"/> naming what is allowed: a filter is never guessed.
/// </summary>
public static partial class AlertCommandParser
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["region"] = "region", ["región"] = "region", ["segment"] = "segment", ["segmento"] = "segment", ["owner"] = "owner",
        ["propietario"] = "owner", ["team"] = "team", ["equipo"] = "team", ["min"] = "min", ["amount"] = "min", ["importe"] = "min",
        ["kind"] = "kind", ["tipo"] = "kind",
    };

    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "channel", "to", "from", "me", "us", "alert", "alerts", "about", "for", "the", "on", "of", "and", "please", "all",
        "este", "canal", "a", "al", "de", "del", "alertas", "alerta", "sobre", "para", "el", "la", "los", "las", "y", "por", "favor", "todas", "nos",
    };

    public static bool TryParse(string? text, out AlertCommand command)
    {
        command = null!;
        var t = Normalize(text);
        if (t.Length == 0) return false;
        var (verb, rest, spanish) = Verb(t);
        if (verb is null) return false;
        var language = spanish ? "es" : "en";
        if (verb == AlertCommandVerb.List)
        {
            command = new AlertCommand(AlertCommandVerb.List, language, [], new Dictionary<string, string>(), null);
            return true;
        }
        var kinds = new List<AlertKind>();
        var filters = new Dictionary<string, string>();
        decimal? min = null;
        string? problem = null;
        rest = KeyValue().Replace(rest, m =>
        {
            if (!Keys.TryGetValue(m.Groups[1].Value, out var key)) { problem ??= $"\"{m.Groups[1].Value}:\""; return " "; }
            var value = m.Groups[2].Value;
            if (key == "kind")
            {
                if (Kind(value) is { } k) kinds.Add(k); else problem ??= $"\"{m.Value}\"";
            }
            else if (key == "min")
            {
                if (Amount(value, null) is { } a) min = a; else problem ??= $"\"{m.Value}\"";
            }
            else filters[key] = value;
            return " ";
        });
        rest = Stalled().Replace(rest, _ => { kinds.Add(AlertKind.StalledDeal); return " "; });
        rest = Churn().Replace(rest, _ => { kinds.Add(AlertKind.ChurnRisk); return " "; });
        rest = Expansion().Replace(rest, _ => { kinds.Add(AlertKind.Expansion); return " "; });
        rest = Over().Replace(rest, m =>
        {
            if (Amount(m.Groups["n"].Value, m.Groups["u"].Value) is { } a) min = a; else problem ??= $"\"{m.Value.Trim()}\"";
            return " ";
        });
        rest = OwnedBy().Replace(rest, m => { filters["owner"] = m.Groups[1].Value; return " "; });
        rest = In().Replace(rest, m => { filters["in"] = m.Groups[1].Value; return " "; });
        var left = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Filler.Contains(w)).ToList();
        if (left.Count > 0) problem ??= $"\"{string.Join(' ', left)}\"";
        command = new AlertCommand(verb.Value, language, [.. kinds.Distinct()], filters, min, problem);
        return true;
    }

    private static (AlertCommandVerb? Verb, string Remainder, bool Spanish) Verb(string t)
    {
        string[] list = ["subscriptions", "list subscriptions", "alert subscriptions", "show subscriptions", "suscripciones", "ver suscripciones", "lista de suscripciones"];
        if (list.Contains(t)) return (AlertCommandVerb.List, "", t.Contains("suscrip", StringComparison.Ordinal) && !t.Contains("subscrip", StringComparison.Ordinal));
        var first = t.Split(' ', 2);
        var rest = first.Length > 1 ? first[1] : "";
        return first[0] switch
        {
            "subscribe" => (AlertCommandVerb.Subscribe, rest, false),
            "suscribir" or "suscribe" or "suscribirse" or "suscríbete" or "suscribete" or "suscríbeme" => (AlertCommandVerb.Subscribe, rest, true),
            "unsubscribe" => (AlertCommandVerb.Unsubscribe, rest, false),
            "desuscribir" or "desuscribe" or "desuscribirse" or "desuscríbete" => (AlertCommandVerb.Unsubscribe, rest, true),
            "mute" => (AlertCommandVerb.Mute, rest, false),
            "silenciar" or "silencia" => (AlertCommandVerb.Mute, rest, true),
            "unmute" => (AlertCommandVerb.Unmute, rest, false),
            "reactivar" or "reactiva" => (AlertCommandVerb.Unmute, rest, true),
            _ when t.StartsWith("cancelar suscripción", StringComparison.Ordinal) || t.StartsWith("cancelar suscripcion", StringComparison.Ordinal)
                => (AlertCommandVerb.Unsubscribe, t[20..], true),
            _ => (null, "", false),
        };
    }

    private static AlertKind? Kind(string value) =>
        Stalled().IsMatch(value.Replace('_', '-')) ? AlertKind.StalledDeal : Churn().IsMatch(value.Replace('_', '-')) ? AlertKind.ChurnRisk
        : Expansion().IsMatch(value.Replace('_', '-')) ? AlertKind.Expansion : null;

    /// <summary>"50k", "50,000", "1.5m", "50 mil": the amount; null when it is not one.</summary>
    internal static decimal? Amount(string number, string? unit)
    {
        var n = number.Trim().TrimStart('$', '€', '£').Trim();
        var u = unit?.Trim() ?? "";
        if (u.Length == 0 && n.Length > 0 && char.IsLetter(n[^1])) (n, u) = (n.TrimEnd('k', 'm', 'K', 'M'), n[^1].ToString());
        // "50,000" and "50.000" are thousands; "1.5" is a fraction.
        n = ThousandsDots().IsMatch(n) ? n.Replace(".", "", StringComparison.Ordinal) : n;
        n = n.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(n, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        return u.ToLowerInvariant() switch
        {
            "" => value,
            "k" or "mil" or "thousand" => value * 1_000,
            "m" or "million" or "millones" or "millón" => value * 1_000_000,
            _ => null,
        };
    }

    private static string Normalize(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        t = Mention().Replace(t, "").Trim();
        return Spaces().Replace(t.TrimEnd('.', '!', '?'), " ");
    }

    [GeneratedRegex(@"^(?:/revbot|@revbot|<@[a-z0-9]+>)[\s,:]*")] private static partial Regex Mention();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")] private static partial Regex ThousandsDots();
    [GeneratedRegex(@"(?<![\w@.])([a-záéíóúñ]+):(\S+)")] private static partial Regex KeyValue();
    [GeneratedRegex(@"\b(?:stalled[- ]?deals?|stalled|deals? stalled|negocios estancados|estancad[oa]s?|oportunidades estancadas)\b")] private static partial Regex Stalled();
    [GeneratedRegex(@"\b(?:expansion[- ]?plays?|expansions?|ready to expand|(?:oportunidades de )?ampliaci[oó]n(?:es)?|listas? para ampliar)\b")] private static partial Regex Expansion();
    [GeneratedRegex(@"\b(?:churn[- ]?risks?|churn|at[- ]risk accounts?|accounts? at risk|riesgo de (?:churn|abandono|baja)|cuentas en riesgo)\b")] private static partial Regex Churn();
    [GeneratedRegex(@"\b(?:over|above|more than|at least|bigger than|larger than|más de|mas de|mayores? (?:de|que)|desde|superiores? a)\s*(?<n>[$€£]?\s*\d[\d.,]*)\s*(?<u>k|m|mil|thousand|million|millones)?\b|(?:>=?|≥)\s*(?<n>[$€£]?\s*\d[\d.,]*)\s*(?<u>k|m|mil)?\b")] private static partial Regex Over();
    [GeneratedRegex(@"\b(?:owned by|de propiedad de|del propietario)\s+(\S+@\S+)")] private static partial Regex OwnedBy();
    [GeneratedRegex(@"\b(?:in|en)\s+(?:the\s+|el\s+|la\s+)?([\w-]+)(?:\s+(?:region|región|segment|segmento))?\b")] private static partial Regex In();
}

using RevBot.Core.Answers;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// Value sets and the amount range, read aloud: "West and East", "all regions except EMEA", "deals over $50K",
/// "deals between $10K and $50K"; ES "West y East", "todas las regiones excepto EMEA", "negocios de más de 50.000 $".
/// </summary>
public static partial class ScopeText
{
    /// <summary>The plain filters, then each value set, then the amount range, as one list.</summary>
    public static string Filters(IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, IReadOnlyDictionary<Dimension, string>? names, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(f);
        var parts = new List<string>();
        if (filters.Count > 0) parts.Add(Filters(filters, names, f.Spanish));
        parts.AddRange(conditions.Sets.OrderBy(kv => kv.Key).Select(kv => Set(kv.Key, kv.Value, f.Spanish)));
        if (conditions.Amount is { } amount) parts.Add(Amount(amount, f));
        return string.Join(", ", parts);
    }

    public static string Set(Dimension d, ValueSet set, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(set);
        var names = (set.Labels ?? set.Values).Select(v => d == Dimension.Type ? DealTypeName(v, spanish) : v).ToList();
        var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + (spanish ? " y " : " and ") + names[^1];
        // A deal has one loss reason: several are any of them ("loss reason price or competitor").
        if (d == Dimension.LossReason && !set.Exclude)
            return (spanish ? "motivo de pérdida " : "loss reason ") + string.Join(", ", names.Take(names.Count - 1)) + (spanish ? " o " : " or ") + names[^1];
        if (!set.Exclude) return list;
        return spanish ? $"{AllEs(d)} excepto {list}" : $"all {AllEn(d)} except {list}";
    }

    /// <summary>"deals over $50K", "deals of at least $1M", "deals under $5,000", "deals up to $5,000", "deals between $10K and $50K".</summary>
    public static string Amount(AmountRange amount, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (f.Spanish ? "negocios " : "deals ") + AmountCondition(amount, f);
    }

    /// <summary>The condition after the word for deals: "over $50K", "of at least $1M"; ES "de más de 50.000 $".</summary>
    public static string AmountCondition(AmountRange amount, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentNullException.ThrowIfNull(f);
        // Spanish writes the threshold in full ("50.000 $"), as people type it.
        string M(decimal v) => f.Spanish ? $"{v.ToString("#,0.##", f.Culture)} {f.Symbol()}" : f.Money(v);
        string Low(decimal v) => amount.MinInclusive ? (f.Spanish ? $"al menos {M(v)}" : $"at least {M(v)}") : (f.Spanish ? $"más de {M(v)}" : $"over {M(v)}");
        string High(decimal v) => amount.MaxInclusive ? (f.Spanish ? $"hasta {M(v)}" : $"up to {M(v)}") : (f.Spanish ? $"menos de {M(v)}" : $"under {M(v)}");
        var condition = (amount.Min, amount.Max) switch
        {
            ({ } min, { } max) when amount.MinInclusive && amount.MaxInclusive => f.Spanish ? $"entre {M(min)} y {M(max)}" : $"between {M(min)} and {M(max)}",
            ({ } min, { } max) => $"{Low(min)} {(f.Spanish ? "y" : "and")} {High(max)}",
            ({ } min, null) => Low(min),
            (null, { } max) => High(max),
            _ => "",
        };
        if (f.Spanish) return $"de {condition}";
        return amount.Min is not null && amount.Max is null && amount.MinInclusive ? $"of {condition}" : condition;
    }

    private static string AllEn(Dimension d) => d switch
    {
        Dimension.Owner => "reps",
        Dimension.Industry => "industries",
        Dimension.Type => "deal types",
        Dimension.LossReason => "loss reasons",
        _ => d.ToString().ToLowerInvariant() + "s",
    };

    private static string AllEs(Dimension d) => d switch
    {
        Dimension.Owner => "todos los comerciales",
        Dimension.Team => "todos los equipos",
        Dimension.Region => "todas las regiones",
        Dimension.Segment => "todos los segmentos",
        Dimension.Industry => "todos los sectores",
        Dimension.Product => "todos los productos",
        Dimension.Source => "todos los orígenes",
        Dimension.Stage => "todas las etapas",
        Dimension.Type => "todos los tipos",
        Dimension.LossReason => "todos los motivos de pérdida",
        _ => "todas las cuentas",
    };
}

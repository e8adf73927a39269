using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Answers;

/// <summary>Dimension names as the JSON contract spells them ("owner") and as people read them ("rep", "comercial").</summary>
public static class DimensionText
{
    public static string Key(Dimension d) => d == Dimension.LossReason ? "loss_reason" : d.ToString().ToLowerInvariant();

    /// <summary>The singular name in <paramref name="language"/>: "rep", "deal type"; "comercial", "tipo" (<c>DimensionName&lt;Dimension&gt;</c>).</summary>
    public static string Name(Dimension d, string language) => Texts.Get(language, "DimensionName" + d);

    /// <summary>The plural name: "reps", "deal types"; "comerciales", "tipos de negocio" (<c>DimensionPlural&lt;Dimension&gt;</c>).</summary>
    public static string Plural(Dimension d, string language) => Texts.Get(language, "DimensionPlural" + d);
}

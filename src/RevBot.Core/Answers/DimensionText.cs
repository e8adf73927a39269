using RevBot.Core.Metrics;

namespace RevBot.Core.Answers;

/// <summary>Dimension names as the JSON contract spells them ("owner") and as people read them ("rep", "comercial").</summary>
public static class DimensionText
{
    public static string Key(Dimension d) => d == Dimension.LossReason ? "loss_reason" : d.ToString().ToLowerInvariant();

    public static string Name(Dimension d, bool spanish) => (d, spanish) switch
    {
        (Dimension.Owner, false) => "rep",
        (Dimension.Owner, true) => "comercial",
        (Dimension.Team, true) => "equipo",
        (Dimension.Region, true) => "región",
        (Dimension.Segment, true) => "segmento",
        (Dimension.Industry, true) => "sector",
        (Dimension.Product, true) => "producto",
        (Dimension.Source, true) => "origen",
        (Dimension.Type, true) => "tipo",
        (Dimension.Stage, true) => "etapa",
        (Dimension.Account, true) => "cuenta",
        (Dimension.Type, false) => "deal type",
        (Dimension.LossReason, false) => "loss reason",
        (Dimension.LossReason, true) => "motivo de pérdida",
        _ => d.ToString().ToLowerInvariant(),
    };
}

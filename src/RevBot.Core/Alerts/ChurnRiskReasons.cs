namespace RevBot.Core.Alerts;

/// <summary>
/// Turns a scored account's facts into one reason per factor that added points, always in the same order (usage,
/// support, renewal, contraction, activity) so alerts read alike: "usage down 46% in 30 days", "2 urgent tickets open",
/// "renews in 41 days with no renewal deal open".
/// </summary>
internal static class ChurnRiskReasons
{
    public const string UsageDrop = "usage_drop";
    public const string Support = "support";
    public const string Renewal = "renewal";
    public const string Contraction = "contraction";
    public const string Quiet = "quiet";

    public static List<AlertReason> For(ChurnRiskFacts f, ChurnRiskSettings s, AlertText t)
    {
        var reasons = new List<AlertReason>();
        void Add(double points, string code, string text) => reasons.Add(new AlertReason(code, text, (int)Math.Round(points, MidpointRounding.AwayFromZero)));

        if (f.UsagePoints > 0 && f.UsageDrop is { } drop)
            Add(f.UsagePoints, UsageDrop, t.Pick($"usage down {t.Percent(drop)} in {t.Days(s.UsageWindowDays)}", $"uso en caída del {t.Percent(drop)} en {t.Days(s.UsageWindowDays)}"));
        if (f.SupportPoints > 0) Add(f.SupportPoints, Support, SupportText(f, s, t));
        if (f.RenewalPoints > 0 && f.RenewsInDays is { } days) Add(f.RenewalPoints, Renewal, RenewalText(days, f.HasRenewalDeal, s, t));
        if (f.ContractionPoints > 0 && f.Contraction is { } shrink)
            Add(f.ContractionPoints, Contraction, t.Pick($"MRR down {t.Percent(shrink)} in {t.Days(s.ContractionDays)}", $"MRR baja un {t.Percent(shrink)} en {t.Days(s.ContractionDays)}"));
        if (f.QuietPoints > 0)
            Add(f.QuietPoints, Quiet, t.Pick($"no activity from the account team in {t.Days(s.QuietDays)}", $"sin actividad del equipo de la cuenta en {t.Days(s.QuietDays)}"));
        return reasons;
    }

    private static string SupportText(ChurnRiskFacts f, ChurnRiskSettings s, AlertText t)
    {
        var parts = new List<string>();
        var open = f.UrgentOpen + f.HighOpen;
        if (open >= s.OpenTickets)
        {
            var urgent = t.Quantity(f.UrgentOpen, t.Pick("urgent ticket", "ticket urgente"), t.Pick("urgent tickets", "tickets urgentes"));
            var tickets = (f.UrgentOpen, f.HighOpen) switch
            {
                (_, 0) => urgent,
                (0, _) => t.Quantity(f.HighOpen, t.Pick("high-priority ticket", "ticket de prioridad alta"), t.Pick("high-priority tickets", "tickets de prioridad alta")),
                _ => t.Pick($"{f.UrgentOpen} urgent and {f.HighOpen} high-priority tickets", $"{urgent} y {f.HighOpen} de prioridad alta"),
            };
            parts.Add(tickets + t.Pick(" open", open == 1 ? " abierto" : " abiertos"));
        }
        if (f.Satisfaction is { } score && score <= s.LowSatisfaction)
            parts.Add(t.Pick($"satisfaction {t.Decimal(score)}/5 over {t.Days(s.SatisfactionDays)}", $"satisfacción {t.Decimal(score)}/5 en {t.Days(s.SatisfactionDays)}"));
        return string.Join(", ", parts);
    }

    private static string RenewalText(int days, bool hasDeal, ChurnRiskSettings s, AlertText t)
    {
        var when = days switch
        {
            > 0 => t.Pick($"renews in {t.Days(days)}", $"renueva en {t.Days(days)}"),
            0 => t.Pick("renews today", "renueva hoy"),
            _ => t.Pick($"renewal overdue by {t.Days(-days)}", $"renovación vencida hace {t.Days(-days)}"),
        };
        return hasDeal
            ? t.Pick($"{when} and the renewal deal has not moved in {t.Days(s.RenewalMovingDays)}", $"{when} y la renovación no avanza desde hace {t.Days(s.RenewalMovingDays)}")
            : t.Pick($"{when} with no renewal deal open", $"{when} sin oportunidad de renovación abierta");
    }
}

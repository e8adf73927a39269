using RevBot.Core.Localization;

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
            Add(f.UsagePoints, UsageDrop, t.Get(nameof(Catalog.AlertReasonUsageDrop), t.Percent(drop), t.Days(s.UsageWindowDays)));
        if (f.SupportPoints > 0) Add(f.SupportPoints, Support, SupportText(f, s, t));
        if (f.RenewalPoints > 0 && f.RenewsInDays is { } days) Add(f.RenewalPoints, Renewal, RenewalText(days, f.HasRenewalDeal, s, t));
        if (f.ContractionPoints > 0 && f.Contraction is { } shrink)
            Add(f.ContractionPoints, Contraction, t.Get(nameof(Catalog.AlertReasonContraction), t.Percent(shrink), t.Days(s.ContractionDays)));
        if (f.QuietPoints > 0)
            Add(f.QuietPoints, Quiet, t.Get(nameof(Catalog.AlertReasonQuietAccount), t.Days(s.QuietDays)));
        return reasons;
    }

    private static string SupportText(ChurnRiskFacts f, ChurnRiskSettings s, AlertText t)
    {
        var parts = new List<string>();
        var open = f.UrgentOpen + f.HighOpen;
        if (open >= s.OpenTickets)
        {
            var tickets = (f.UrgentOpen, f.HighOpen) switch
            {
                (_, 0) => t.Count(f.UrgentOpen, nameof(Catalog.AlertTicketsUrgentOne), nameof(Catalog.AlertTicketsUrgentOther)),
                (0, _) => t.Count(f.HighOpen, nameof(Catalog.AlertTicketsHighOne), nameof(Catalog.AlertTicketsHighOther)),
                _ => t.Get(f.UrgentOpen == 1 ? nameof(Catalog.AlertTicketsBothOne) : nameof(Catalog.AlertTicketsBothOther), f.UrgentOpen, f.HighOpen),
            };
            parts.Add(t.Get(open == 1 ? nameof(Catalog.AlertTicketsOpenOne) : nameof(Catalog.AlertTicketsOpenOther), tickets));
        }
        if (f.Satisfaction is { } score && score <= s.LowSatisfaction)
            parts.Add(t.Get(nameof(Catalog.AlertReasonSatisfaction), t.Decimal(score), t.Days(s.SatisfactionDays)));
        return string.Join(", ", parts);
    }

    private static string RenewalText(int days, bool hasDeal, ChurnRiskSettings s, AlertText t)
    {
        var when = days switch
        {
            > 0 => t.Get(nameof(Catalog.AlertRenewsIn), t.Days(days)),
            0 => t.Get(nameof(Catalog.AlertRenewsToday)),
            _ => t.Get(nameof(Catalog.AlertRenewalOverdue), t.Days(-days)),
        };
        return hasDeal
            ? t.Get(nameof(Catalog.AlertRenewalNotMoving), when, t.Days(s.RenewalMovingDays))
            : t.Get(nameof(Catalog.AlertRenewalNoDeal), when);
    }
}

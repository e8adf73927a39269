using RevBot.Core.Localization;
using W = RevBot.Core.Alerts.AlertWords;

namespace RevBot.Core.Alerts;

/// <summary>
/// Turns a scored account's facts into one reason per factor that added points, always in the same order (usage,
/// support, renewal, contraction, activity) so alerts read alike: "usage down 46% in 30 days", "2 urgent tickets open",
/// "renews in 41 days with no renewal deal open". Kept as words (<see cref="AlertWords"/>) like a stalled deal's.
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
        void Add(double points, string code, W words) =>
            reasons.Add(new AlertReason(code, words.Render(t.Language), (int)Math.Round(points, MidpointRounding.AwayFromZero)) { Words = words });

        if (f.UsagePoints > 0 && f.UsageDrop is { } drop)
            Add(f.UsagePoints, UsageDrop, W.Say(nameof(Catalog.AlertReasonUsageDrop), W.Percent(drop), W.Days(s.UsageWindowDays)));
        if (f.SupportPoints > 0) Add(f.SupportPoints, Support, SupportWords(f, s));
        if (f.RenewalPoints > 0 && f.RenewsInDays is { } days) Add(f.RenewalPoints, Renewal, RenewalWords(days, f.HasRenewalDeal, s));
        if (f.ContractionPoints > 0 && f.Contraction is { } shrink)
            Add(f.ContractionPoints, Contraction, W.Say(nameof(Catalog.AlertReasonContraction), W.Percent(shrink), W.Days(s.ContractionDays)));
        if (f.QuietPoints > 0)
            Add(f.QuietPoints, Quiet, W.Say(nameof(Catalog.AlertReasonQuietAccount), W.Days(s.QuietDays)));
        return reasons;
    }

    private static W SupportWords(ChurnRiskFacts f, ChurnRiskSettings s)
    {
        var parts = new List<W>();
        var open = f.UrgentOpen + f.HighOpen;
        if (open >= s.OpenTickets)
        {
            var tickets = (f.UrgentOpen, f.HighOpen) switch
            {
                (_, 0) => W.Count(f.UrgentOpen, nameof(Catalog.AlertTicketsUrgentOne), nameof(Catalog.AlertTicketsUrgentOther)),
                (0, _) => W.Count(f.HighOpen, nameof(Catalog.AlertTicketsHighOne), nameof(Catalog.AlertTicketsHighOther)),
                _ => W.Say(f.UrgentOpen == 1 ? nameof(Catalog.AlertTicketsBothOne) : nameof(Catalog.AlertTicketsBothOther), W.Whole(f.UrgentOpen), W.Whole(f.HighOpen)),
            };
            parts.Add(W.Say(open == 1 ? nameof(Catalog.AlertTicketsOpenOne) : nameof(Catalog.AlertTicketsOpenOther), tickets));
        }
        if (f.Satisfaction is { } score && score <= s.LowSatisfaction)
            parts.Add(W.Say(nameof(Catalog.AlertReasonSatisfaction), W.Decimal(score), W.Days(s.SatisfactionDays)));
        return W.Join(parts);
    }

    private static W RenewalWords(int days, bool hasDeal, ChurnRiskSettings s)
    {
        var when = days switch
        {
            > 0 => W.Say(nameof(Catalog.AlertRenewsIn), W.Days(days)),
            0 => W.Say(nameof(Catalog.AlertRenewsToday)),
            _ => W.Say(nameof(Catalog.AlertRenewalOverdue), W.Days(-days)),
        };
        return hasDeal
            ? W.Say(nameof(Catalog.AlertRenewalNotMoving), when, W.Days(s.RenewalMovingDays))
            : W.Say(nameof(Catalog.AlertRenewalNoDeal), when);
    }
}

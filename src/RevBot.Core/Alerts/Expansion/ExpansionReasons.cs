using RevBot.Core.Localization;
using W = RevBot.Core.Alerts.AlertWords;

namespace RevBot.Core.Alerts;

/// <summary>
/// Turns a scored account's facts into one reason per factor that added points, always in the same order (usage, seats,
/// health, time since the last expansion): "usage up 35% in 30 days, at 88% of the Pro plan's limit", "62 active users
/// on 50 seats", "1 ticket in 90 days, satisfaction 4.5/5", "no expansion in 400 days". Kept as words like churn's.
/// </summary>
internal static class ExpansionReasons
{
    public const string UsageGrowth = "usage_growth";
    public const string SeatsOver = "seats_over";
    public const string Healthy = "healthy";
    public const string ExpansionGap = "expansion_gap";

    public static List<AlertReason> For(ExpansionFacts f, ExpansionSettings s, AlertText t)
    {
        var reasons = new List<AlertReason>();
        void Add(double points, string code, W words) =>
            reasons.Add(new AlertReason(code, words.Render(t.Language), (int)Math.Round(points, MidpointRounding.AwayFromZero)) { Words = words });

        if (f.UsagePoints > 0 && f.UsageGrowth is { } growth)
        {
            var up = W.Say(nameof(Catalog.ExpansionReasonUsage), W.Percent(growth), W.Days(s.UsageWindowDays));
            Add(f.UsagePoints, UsageGrowth, f.LimitShare is { } share
                ? W.Say(nameof(Catalog.ExpansionReasonUsageLimit), up, W.Percent(share), W.Plain(f.Plan ?? ""))
                : up);
        }
        if (f.SeatsPoints > 0 && f.PeakUsers is { } users && f.Seats is { } seats)
            Add(f.SeatsPoints, SeatsOver, W.Say(nameof(Catalog.ExpansionReasonSeats),
                W.Count(users, nameof(Catalog.ExpansionUsersOne), nameof(Catalog.ExpansionUsersOther)),
                W.Count(seats, nameof(Catalog.ExpansionSeatsOne), nameof(Catalog.ExpansionSeatsOther))));
        if (f.HealthPoints > 0)
        {
            var tickets = f.Tickets == 0
                ? W.Say(nameof(Catalog.ExpansionTicketsNone))
                : W.Count(f.Tickets, nameof(Catalog.ExpansionTicketsOne), nameof(Catalog.ExpansionTicketsOther));
            Add(f.HealthPoints, Healthy, f.Satisfaction is { } score
                ? W.Say(nameof(Catalog.ExpansionReasonHealthRated), tickets, W.Days(s.HealthDays), W.Decimal(score))
                : W.Say(nameof(Catalog.ExpansionReasonHealth), tickets, W.Days(s.HealthDays)));
        }
        if (f.GapPoints > 0 && f.GapDays is { } days)
            Add(f.GapPoints, ExpansionGap, W.Say(f.EverExpanded ? nameof(Catalog.ExpansionReasonGap) : nameof(Catalog.ExpansionReasonNever), W.Days(days)));
        return reasons;
    }
}

using RevBot.Core.Localization;

namespace RevBot.Core.Alerts;

/// <summary>
/// Turns a stalled deal's facts into its reasons, in the order a rep would fix them. Each rule is checked again here
/// with the same thresholds as the query, because the query returns a deal when any one of them holds.
/// </summary>
internal static class StalledDealReasons
{
    public const string StuckInStage = "stuck_in_stage";
    public const string NoActivity = "no_activity";
    public const string CloseDatePassed = "close_date_passed";
    public const string CloseDatePushed = "close_date_pushed";
    public const string AmountCut = "amount_cut";

    public static List<AlertReason> For(StalledDealFacts f, StalledDealSettings s, DateOnly today, AlertText t)
    {
        var reasons = new List<AlertReason>();
        if (f.StageDays is { } inStage && inStage > f.StageNormDays)
        {
            reasons.Add(new(StuckInStage, t.Get(nameof(Catalog.AlertReasonStuck), f.Stage, t.Days(inStage), t.Number(f.StageNormDays))));
        }
        if (f.CloseDate is { } close && close < today)
        {
            var late = t.Days(today.DayNumber - close.DayNumber);
            reasons.Add(new(CloseDatePassed, t.Get(nameof(Catalog.AlertReasonClosePassed), t.Date(close), late)));
        }
        if (f.QuietDays is { } quiet && quiet >= s.NoActivityDays)
        {
            reasons.Add(new(NoActivity, t.Get(f.HasActivity ? nameof(Catalog.AlertReasonQuiet) : nameof(Catalog.AlertReasonQuietSinceCreated), t.Days(quiet))));
        }
        if (f.Pushes >= s.CloseDatePushes)
        {
            reasons.Add(new(CloseDatePushed, t.Get(nameof(Catalog.AlertReasonPushed), t.Times(f.Pushes))));
        }
        if (f.AmountBefore is { } before && before > 0 && f.Amount * 100 <= before * (100 - s.AmountCutPercent))
        {
            var cut = t.Percent((double)(1 - (f.Amount / before)));
            var window = t.Days(s.AmountCutWindowDays);
            reasons.Add(new(AmountCut, t.Get(nameof(Catalog.AlertReasonAmountCut), cut, window, t.Money(before), t.Money(f.Amount))));
        }
        return reasons;
    }
}

using RevBot.Core.Localization;
using W = RevBot.Core.Alerts.AlertWords;

namespace RevBot.Core.Alerts;

/// <summary>
/// Turns a stalled deal's facts into its reasons, in the order a rep would fix them. Each rule is checked again here
/// with the same thresholds as the query, because the query returns a deal when any one of them holds. Each reason is
/// kept as words (<see cref="AlertWords"/>), so a message can say it in its reader's language, and written in the
/// scan's (<see cref="AlertReason.Text"/>) for lists and the CLI.
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
        void Add(string code, W words) => reasons.Add(new AlertReason(code, words.Render(t.Language)) { Words = words });
        if (f.StageDays is { } inStage && inStage > f.StageNormDays)
        {
            Add(StuckInStage, W.Say(nameof(Catalog.AlertReasonStuck), W.Plain(f.Stage), W.Days(inStage), W.Number(f.StageNormDays)));
        }
        if (f.CloseDate is { } close && close < today)
        {
            Add(CloseDatePassed, W.Say(nameof(Catalog.AlertReasonClosePassed), W.Date(close), W.Days(today.DayNumber - close.DayNumber)));
        }
        if (f.QuietDays is { } quiet && quiet >= s.NoActivityDays)
        {
            Add(NoActivity, W.Say(f.HasActivity ? nameof(Catalog.AlertReasonQuiet) : nameof(Catalog.AlertReasonQuietSinceCreated), W.Days(quiet)));
        }
        if (f.Pushes >= s.CloseDatePushes)
        {
            Add(CloseDatePushed, W.Say(nameof(Catalog.AlertReasonPushed), W.Times(f.Pushes)));
        }
        if (f.AmountBefore is { } before && before > 0 && f.Amount * 100 <= before * (100 - s.AmountCutPercent))
        {
            Add(AmountCut, W.Say(nameof(Catalog.AlertReasonAmountCut), W.Percent((double)(1 - (f.Amount / before))), W.Days(s.AmountCutWindowDays),
                W.Money(before, t.Currency), W.Money(f.Amount, t.Currency)));
        }
        return reasons;
    }
}

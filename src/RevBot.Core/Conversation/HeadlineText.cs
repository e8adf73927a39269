using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// The headline of an answer that is one number (or a breakdown's total): the value as the answer writes it, and its
/// move against the period the answer compares with, good or bad by the metric's definition (churn up is bad news).
/// </summary>
internal static class HeadlineText
{
    /// <summary>Null when there is no number to lead with (no data): the sentence says why.</summary>
    public static ReplyHeadline? For(MetricDefinition def, string label, decimal? value, decimal? before, Period? compared, string? scope, AnswerFormatter f) =>
        value is not { } now ? null : new ReplyHeadline(f.Value(now, def.Unit), label)
        {
            Delta = compared is null ? null : Delta(def, before, now, compared, f),
            Scope = scope,
        };

    /// <summary>"▲ 4.1 pts vs Q3 2026", "Unchanged vs Q3 2026"; null when the earlier period has no number.</summary>
    public static ReplyDelta? Delta(MetricDefinition def, decimal? before, decimal now, Period compared, AnswerFormatter f)
    {
        if (before is not { } b) return null;
        var change = now - b;
        if (change == 0) return new ReplyDelta(f.Text(nameof(Catalog.AnswerHeadlineFlat), compared.Label), ReplyDirection.Flat, ReplyTone.Neutral);
        var up = change > 0;
        return new ReplyDelta(
            f.Text(up ? nameof(Catalog.AnswerHeadlineUp) : nameof(Catalog.AnswerHeadlineDown), f.Magnitude(change, def.Unit), compared.Label),
            up ? ReplyDirection.Up : ReplyDirection.Down,
            up == def.HigherIsBetter ? ReplyTone.Good : ReplyTone.Bad);
    }
}

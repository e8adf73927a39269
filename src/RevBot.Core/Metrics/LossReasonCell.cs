namespace RevBot.Core.Metrics;

/// <summary>
/// The lost deals of one group (a region, a rep…) with one loss reason: how many and how much. Keys and labels as in
/// <see cref="BreakdownRow"/>; deals without a group or a reason share the empty key.
/// </summary>
public sealed record LossReasonCell(string GroupKey, string GroupLabel, string ReasonKey, string ReasonLabel, long Deals, decimal Amount);

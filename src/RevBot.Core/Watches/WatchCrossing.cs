using RevBot.Core.Answers;

namespace RevBot.Core.Watches;

/// <summary>
/// The crossing rule of a threshold watch, pure: it fires once when the value crosses the line, then stays quiet
/// until the value is back past the line by the hysteresis (a fraction of the threshold), which re-arms it. "Changes by
/// more than X" fires when the value has moved more than X from its baseline, and the value it fired at becomes the
/// next baseline. The first check of a new watch fires if the condition holds already: you hear it once.
/// </summary>
public static class WatchCrossing
{
    public sealed record Step(WatchState State, decimal? Baseline, bool Fires);

    public static Step Next(WatchComparator comparator, decimal threshold, WatchUnit unit, decimal hysteresis,
        WatchState state, decimal? baseline, decimal value)
    {
        if (comparator == WatchComparator.ChangesBy)
        {
            if (baseline is not { } from) return new Step(WatchState.Armed, value, false);
            var moved = Math.Abs(value - from);
            var limit = unit == WatchUnit.Percent ? Math.Abs(from) * threshold : threshold;
            return moved > limit ? new Step(WatchState.Armed, value, true) : new Step(WatchState.Armed, from, false);
        }
        var band = Math.Abs(threshold) * hysteresis;
        var holds = comparator == WatchComparator.Below ? value < threshold : value > threshold;
        if (state == WatchState.Armed)
            return holds ? new Step(WatchState.Fired, baseline, true) : new Step(WatchState.Armed, baseline, false);
        var back = comparator == WatchComparator.Below ? value >= threshold + band : value <= threshold - band;
        return new Step(back ? WatchState.Armed : WatchState.Fired, baseline, false);
    }
}

namespace RevBot.Core.Replies;

public sealed record ChartPoint(string Label, double Value);

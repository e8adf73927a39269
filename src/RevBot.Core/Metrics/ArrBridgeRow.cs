namespace RevBot.Core.Metrics;

/// <summary>One group of an ARR bridge breakdown: <see cref="Key"/> is the canonical value (a region name), <see cref="Label"/> what people read.</summary>
public sealed record ArrBridgeRow(string Key, string Label, ArrBridge Bridge);

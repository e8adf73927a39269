namespace RevBot.Core.Digests;

/// <summary>One bar of a digest chart. In a waterfall, <see cref="IsTotal"/> bars stand on zero and the others are signed steps.</summary>
public sealed record DigestChartBar(string Label, decimal Value, bool IsTotal = false);

namespace RevBot.Core.Digests.Timing;

/// <summary>A slot that will not be posted, and why ("12 h 30 min late, more than the 12 h a digest may be late").</summary>
public sealed record DigestSkippedSlot(DateTimeOffset Slot, string Reason);

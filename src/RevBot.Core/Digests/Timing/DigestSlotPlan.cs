namespace RevBot.Core.Digests.Timing;

/// <summary>
/// What a scheduler should do now for one subscription: post <see cref="Post"/> (a slot, as a UTC instant: claim it,
/// then build and send), record <see cref="Skipped"/> (each with the sentence to log), and wake again at <see cref="Next"/>.
/// </summary>
public sealed record DigestSlotPlan(DateTimeOffset? Post, IReadOnlyList<DigestSkippedSlot> Skipped, DateTimeOffset? Next);

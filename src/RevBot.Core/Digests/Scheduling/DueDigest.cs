using RevBot.Core.Domain;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>A slot this instance has claimed and must now build and post: the schedule and the slot's UTC instant.</summary>
public sealed record DueDigest(DigestSubscription Schedule, DateTimeOffset Slot);

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// One slot of a digest schedule, taken (<c>digest_slot_claims</c>, unique on schedule + slot). The row is inserted
/// before the digest is built: the instance whose insert wins posts the slot, every other instance (and the same one
/// after a restart) sees it taken. Skipped slots are claimed too, so they are decided once.
/// </summary>
public sealed class DigestSlotClaim
{
    public long ScheduleId { get; set; }

    /// <summary>The slot as a UTC instant (9:00 Europe/Madrid on a winter Monday is 08:00 UTC).</summary>
    public DateTime SlotAt { get; set; }

    public DateTime ClaimedAt { get; set; }

    /// <summary><see cref="DigestSlotOutcomes"/>: what became of it.</summary>
    public required string Outcome { get; set; }
}

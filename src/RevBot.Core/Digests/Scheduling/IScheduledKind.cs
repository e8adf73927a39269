namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// A schedule kind that is not a digest but rides the digest scheduler: its rows live in <c>digest_schedules</c> with
/// <see cref="Kind"/> as their kind, so they get the same cron, time zone, DST handling and exactly-once slot claims.
/// The scheduler calls <see cref="TickAsync"/> at the start of every tick (in a scope of its own) and, for a claimed
/// slot of this kind, <see cref="PostAsync"/> instead of building a digest. Register scoped (the forecast call does).
/// </summary>
public interface IScheduledKind
{
    /// <summary>The schedules' <see cref="DigestSubscription.Kind"/> ("forecast_call"); at most 16 characters.</summary>
    string Kind { get; }

    /// <summary>Work of this kind that is due between slots (reminders, deadlines); called every tick before slots are claimed.</summary>
    Task TickAsync(CancellationToken ct);

    /// <summary>Does what the claimed slot asks; returns its outcome (<see cref="DigestSlotOutcomes"/>), which the caller stores.</summary>
    Task<string> PostAsync(DueDigest due, CancellationToken ct);
}

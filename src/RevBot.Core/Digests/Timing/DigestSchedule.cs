using RevBot.Core.Metrics;

namespace RevBot.Core.Digests.Timing;

/// <summary>
/// A digest subscription as understood from a phrase, before it is stored: which digest, when (a five-field cron
/// expression — minute hour day-of-month month day-of-week — read in the channel's IANA time zone), for which slice
/// of the business, and whether an empty week posts nothing.
/// </summary>
public sealed record DigestSchedule(DigestKind Kind, string Cron, IReadOnlyDictionary<Dimension, string> Filters, bool SkipIfEmpty = false)
{
    /// <summary>The local time of day the cron names ("09:00"), for confirmations.</summary>
    public TimeOnly At => DigestCron.TimeOf(Cron);
}

using RevBot.Core.Outbox;

namespace RevBot.Sources.WriteBack;

/// <summary>
/// Section <c>Sources:WriteBack</c>: how changes to synced deals are written to their CRM (<c>crm_writes</c>). The
/// defaults suit one to a few instances; see docs/sources.md ("Write-back") and docs/configuration.md.
/// </summary>
public sealed class CrmWriteOptions : DispatchOptions
{
    public const string Section = "Sources:WriteBack";

    /// <summary>
    /// The claim lease is 20 minutes here (the outbox's is 5). It must outlast a send with its HTTP retries: a
    /// write is up to three calls (pipelines, the record, the PATCH), each allowed five minutes by the source's
    /// resilience pipeline (<see cref="Sync.SourceHttp"/>). If it ran out mid-send the write would be sent again, and
    /// the CRM's check would then find the first one already there (counted written), never a second change.
    /// </summary>
    public CrmWriteOptions() => ClaimLease = TimeSpan.FromMinutes(20);

    /// <summary>How long the person who made a change waits for the CRM's first answer before "it will be written when the CRM answers".</summary>
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(5);

    protected override string SectionName => Section;

    protected override IEnumerable<string> OwnProblems()
    {
        // A send is up to three HTTP calls with the standard pipeline's retries: the lease must outlast it.
        if (ClaimLease < TimeSpan.FromMinutes(1)) yield return $"{Section}:ClaimLease '{ClaimLease}' must be at least 00:01:00, longer than a send with its HTTP retries.";
        if (InlineWait < TimeSpan.Zero || InlineWait > TimeSpan.FromSeconds(30))
            yield return $"{Section}:InlineWait '{InlineWait}' must be between 00:00:00 and 00:00:30.";
    }
}

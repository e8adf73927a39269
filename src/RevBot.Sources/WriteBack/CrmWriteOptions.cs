using RevBot.Core.Settings;

namespace RevBot.Sources.WriteBack;

/// <summary>
/// Section <c>Sources:WriteBack</c>: how changes to synced deals are written to their CRM (<c>crm_writes</c>). The
/// defaults suit one to a few instances; see docs/sources.md ("Write-back") and docs/configuration.md.
/// </summary>
public sealed class CrmWriteOptions : ICheckedOptions
{
    public const string Section = "Sources:WriteBack";

    /// <summary>False: this instance sends no writes in the background (another instance will); the inline first attempt still runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the dispatcher waits after a round that claimed nothing.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Writes claimed per round: at most one per deal, its oldest still to send.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Deals written at the same time (PostgreSQL; SQLite writes one at a time).</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>The first retry's wait; it doubles per attempt (with jitter) up to <see cref="MaxBackoff"/>; a CRM's Retry-After wins when longer.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a claimed write is left to the instance that claimed it. It must outlast a send with its HTTP retries: a
    /// write is up to three calls (pipelines, the record, the PATCH), each allowed five minutes by the source's
    /// resilience pipeline (<see cref="Sync.SourceHttp"/>). If it ran out mid-send the write would be sent again, and
    /// the CRM's check would then find the first one already there (counted written), never a second change.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long the person who made a change waits for the CRM's first answer before "it will be written when the CRM answers".</summary>
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Problems()
    {
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(10))
            yield return $"{Section}:PollInterval '{PollInterval}' must be between 00:00:00.1 and 00:10:00.";
        if (BatchSize is < 1 or > 500) yield return $"{Section}:BatchSize '{BatchSize}' must be between 1 and 500.";
        if (Parallelism is < 1 or > 64) yield return $"{Section}:Parallelism '{Parallelism}' must be between 1 and 64.";
        if (FirstBackoff < TimeSpan.FromMilliseconds(100) || FirstBackoff > TimeSpan.FromHours(1))
            yield return $"{Section}:FirstBackoff '{FirstBackoff}' must be between 00:00:00.1 and 01:00:00.";
        if (MaxBackoff < FirstBackoff || MaxBackoff > TimeSpan.FromDays(1))
            yield return $"{Section}:MaxBackoff '{MaxBackoff}' must be at least {Section}:FirstBackoff ({FirstBackoff}) and at most 1.00:00:00.";
        // A send is one HTTP call with the standard pipeline's retries (30 s total by default): the lease must outlast it.
        if (ClaimLease < TimeSpan.FromMinutes(1)) yield return $"{Section}:ClaimLease '{ClaimLease}' must be at least 00:01:00, longer than a send with its HTTP retries.";
        if (InlineWait < TimeSpan.Zero || InlineWait > TimeSpan.FromSeconds(30))
            yield return $"{Section}:InlineWait '{InlineWait}' must be between 00:00:00 and 00:00:30.";
    }
}

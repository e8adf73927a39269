using RevBot.Core.Domain;

namespace RevBot.Core.Sources;

/// <summary>
/// One sync of one system, from the command line or the background sync: what it read, wrote, skipped and why.
/// <see cref="FinishedAt"/> with no <see cref="Error"/> is a success; the age of the last success is what
/// <c>/readyz</c> and the meter report.
/// </summary>
public sealed class SyncRun
{
    public long Id { get; set; }

    public SourceSystem System { get; set; }

    /// <summary>True for a full sync (every record read again), false for an incremental one from the cursors.</summary>
    public bool Full { get; set; }

    /// <summary>True when nothing was written: the run only counted what it would do.</summary>
    public bool DryRun { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Records read from the system.</summary>
    public int Read { get; set; }

    /// <summary>Rows inserted or updated.</summary>
    public int Written { get; set; }

    /// <summary>Rows deleted because the system archived or deleted the record.</summary>
    public int Deleted { get; set; }

    /// <summary>Records left out, each with its reason in <see cref="Details"/>.</summary>
    public int Skipped { get; set; }

    /// <summary>JSON: counts per object and the skipped records with their reasons (the first few hundred).</summary>
    public string? Details { get; set; }

    /// <summary>Why the run failed: short, safe to show and log (never a token); null while running or on success.</summary>
    public string? Error { get; set; }
}

namespace RevBot.Core.Domain;

/// <summary>An opportunity. Amounts are in <see cref="Currency"/>; timestamps are UTC.</summary>
public sealed class Deal
{
    public required string Id { get; set; }
    public string? Name { get; set; }
    public string? AccountId { get; set; }
    public Account? Account { get; set; }
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "USD";
    public required string Stage { get; set; }
    public DealStatus Status { get; set; }
    public DealType Type { get; set; } = DealType.New;
    public string? Product { get; set; }
    public string? Source { get; set; }
    public DateTime? CreatedAt { get; set; }

    /// <summary>Expected close date (a calendar day in the company's time zone).</summary>
    public DateOnly? CloseDate { get; set; }

    /// <summary>When the deal was won or lost; required for closed deals.</summary>
    public DateTime? ClosedAt { get; set; }
    public string? LossReason { get; set; }
    public ForecastCategory? ForecastCategory { get; set; }

    /// <summary>0-100; null means the stage's configured default.</summary>
    public int? Probability { get; set; }
    public string? NextStep { get; set; }

    /// <summary>The discount off list price, a percentage 0-100 (12.5 is 12.5%); null when none is recorded.</summary>
    public decimal? Discount { get; set; }

    /// <summary>
    /// For a synced deal: when its system of record last changed it, as of the last sync (HubSpot
    /// <c>hs_lastmodifieddate</c>, Salesforce <c>LastModifiedDate</c>). Write-back sends it as the CRM's concurrency
    /// check, so a change made in the CRM meanwhile is never overwritten. Null for deals no sync made.
    /// </summary>
    public DateTime? SourceModifiedAt { get; set; }

    /// <summary>Optimistic-concurrency token: bumped on every change, carried by every card.</summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// How many times the close date has moved later: the push count of the deal's latest deal-history row (null
    /// without one). Kept by the database (triggers on deal_history), never written by EF (a bulk load writes what the triggers would); the forecast reads today's
    /// open deals from it instead of probing their history.
    /// </summary>
    public int? ClosePushes { get; set; }

    /// <summary>
    /// When the deal entered its current stage: its latest stage-history entry (null without stage history). Kept by
    /// the database (triggers on deal_stage_history), never written by EF.
    /// </summary>
    public DateTime? StageEnteredAt { get; set; }

    /// <summary>
    /// When the deal last entered the stage it is in now: its latest stage-history entry with that stage (null without
    /// one; unlike <see cref="StageEnteredAt"/>, an entry into another stage does not count). Kept by the database
    /// (triggers on deal_stage_history and on the deal's stage), never written by EF; the stalled-deal rule reads it
    /// instead of probing the history per open deal.
    /// </summary>
    public DateTime? CurrentStageEnteredAt { get; set; }

    /// <summary>
    /// The latest activity logged on the deal (null without one). Kept by the database (triggers on activities), never
    /// written by EF; the stalled-deal rule reads it instead of probing the activities per open deal.
    /// </summary>
    public DateTime? LastActivityAt { get; set; }
}

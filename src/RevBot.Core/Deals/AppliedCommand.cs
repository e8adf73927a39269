namespace RevBot.Core.Deals;

/// <summary>
/// A command already applied, keyed by its idempotency key and written in the same transaction as the change. Slack and
/// Teams both retry deliveries: a second delivery finds its key here and gets <see cref="Outcome"/> back without
/// applying anything again. Only applied commands are recorded, so a submission refused for a bad field can be fixed
/// and resubmitted with the same key.
/// </summary>
public sealed class AppliedCommand
{
    public required string Key { get; set; }

    /// <summary>What was done: "deal.update", "deal.won", "handoff.claim", "data.merge"…</summary>
    public required string Kind { get; set; }
    public required string EntityId { get; set; }
    public int? UserId { get; set; }
    public DateTime AppliedAt { get; set; }

    /// <summary>JSON of the result the first delivery got, returned as is to a replay.</summary>
    public required string Outcome { get; set; }
}

namespace RevBot.Core.Digests.Scheduling;

/// <summary>What became of a claimed digest slot (<see cref="DigestSlotClaim.Outcome"/>).</summary>
public static class DigestSlotOutcomes
{
    /// <summary>Claimed, being built (or the instance died while building it: it is not tried again).</summary>
    public const string Claimed = "claimed";

    public const string Posted = "posted";

    /// <summary>Nothing happened that week and the subscription skips empty digests.</summary>
    public const string Empty = "empty";

    /// <summary>Too late (more than 12 h) or superseded by a later slot.</summary>
    public const string Skipped = "skipped";

    /// <summary>The build failed: the channel was told.</summary>
    public const string Failed = "failed";
}

using RevBot.Core.Domain;

namespace RevBot.Core.Sources;

/// <summary>
/// Where the last committed sync of one object of one system stopped ("hubspot" "deals" → the last
/// <c>hs_lastmodifieddate</c> read; "stripe" "events" → the last event id). Written in the same transaction as the
/// batch it follows, so an interrupted sync resumes after the last batch that committed and never skips one.
/// </summary>
public sealed class SyncCursor
{
    public SourceSystem System { get; set; }

    /// <summary>The system's object: "owners", "companies", "deals", "Opportunity", "subscriptions", "events"…</summary>
    public required string Object { get; set; }

    /// <summary>The connector's own position, opaque to everyone else (a timestamp, an event id, a JSON of both).</summary>
    public required string Position { get; set; }

    public DateTime UpdatedAt { get; set; }
}

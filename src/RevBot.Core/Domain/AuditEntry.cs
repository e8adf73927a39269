namespace RevBot.Core.Domain;

/// <summary>Who changed what, when and from where. <see cref="Changes"/> is a JSON object of field: [old, new].</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public ChangeChannel Channel { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Changes { get; set; }

    /// <summary>
    /// The record's version after this change (deals), so "what changed since the version on your card" is the
    /// entries above that version; null for entries that did not change a versioned record.
    /// </summary>
    public int? Version { get; set; }
}

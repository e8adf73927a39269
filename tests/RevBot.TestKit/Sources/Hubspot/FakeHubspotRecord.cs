namespace RevBot.Testing.Sources.Hubspot;

/// <summary>One record of the fake HubSpot: its properties as HubSpot holds them (strings), its deal stage history and associations.</summary>
public sealed class FakeHubspotRecord(string type, string id)
{
    public string Type { get; } = type;

    public string Id { get; } = id;

    public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ModifiedAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Every dealstage value with when it was set, oldest first.</summary>
    public List<(string Value, DateTimeOffset At)> StageHistory { get; } = [];

    /// <summary>Associated records by object type ("companies" → ids), first one primary.</summary>
    public Dictionary<string, List<string>> Associations { get; } = new(StringComparer.Ordinal);

    public string? this[string property] => Properties.GetValueOrDefault(property);
}

/// <summary>An owner (a HubSpot user who can own records).</summary>
public sealed record FakeHubspotOwner(string Id, string Email, string FirstName, string LastName, string? Team);

/// <summary>A deal pipeline stage; <see cref="Probability"/> 1.0 on a closed stage is won.</summary>
public sealed record FakeHubspotStage(string Id, string Label, bool IsClosed, decimal Probability);

public sealed record FakeHubspotPipeline(string Id, string Label, IReadOnlyList<FakeHubspotStage> Stages);

/// <summary>A request the fake received (method, path with query, body, the bearer token it carried) and what it answered.</summary>
public sealed record FakeHubspotRequest(string Method, string Path, string Body, string Authorization, DateTimeOffset At)
{
    public string PathOnly => Path.Split('?')[0];

    public int Status { get; internal set; }

    public string? Response { get; internal set; }
}

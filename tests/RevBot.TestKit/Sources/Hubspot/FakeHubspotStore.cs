using System.Globalization;

namespace RevBot.Testing.Sources.Hubspot;

/// <summary>
/// The fake HubSpot's data: owners, pipelines and records by object type. Every change stamps the record with the
/// store's clock and moves the clock on by a millisecond, so modification times are distinct and ordered as in a real
/// portal. Callers hold <see cref="Gate"/> (the server does) while reading or changing it.
/// </summary>
public sealed class FakeHubspotStore
{
    private readonly Dictionary<string, Dictionary<string, FakeHubspotRecord>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Version, FakeHubspotRecord[] Sorted)> _sorted = new(StringComparer.Ordinal);
    private long _version;
    private long _nextId = 1000;

    public object Gate { get; } = new();

    /// <summary>The time the next change is stamped with.</summary>
    public DateTimeOffset Clock { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public List<FakeHubspotOwner> Owners { get; } = [];

    public List<FakeHubspotPipeline> Pipelines { get; } = [DefaultPipeline()];

    /// <summary>HubSpot's standard sales pipeline.</summary>
    public static FakeHubspotPipeline DefaultPipeline() => new("default", "Sales Pipeline",
    [
        new("appointmentscheduled", "Appointment Scheduled", false, 0.2m), new("qualifiedtobuy", "Qualified To Buy", false, 0.4m),
        new("presentationscheduled", "Presentation Scheduled", false, 0.6m), new("decisionmakerboughtin", "Decision Maker Bought-In", false, 0.8m),
        new("contractsent", "Contract Sent", false, 0.9m), new("closedwon", "Closed Won", true, 1.0m), new("closedlost", "Closed Lost", true, 0m),
    ]);

    public static string ModifiedProperty(string type) => type == "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate";

    public FakeHubspotStage? Stage(string? id) => Pipelines.SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == id);

    public FakeHubspotPipeline? PipelineOf(string? stageId) => Pipelines.FirstOrDefault(p => p.Stages.Any(s => s.Id == stageId));

    public string NewId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    public FakeHubspotRecord? Find(string type, string id) =>
        _records.TryGetValue(type, out var byId) && byId.TryGetValue(id, out var record) ? record : null;

    public IEnumerable<FakeHubspotRecord> All(string type) => _records.TryGetValue(type, out var byId) ? byId.Values : [];

    /// <summary>Creates a record with its properties, stamped now; a deal's stage starts its history.</summary>
    public FakeHubspotRecord Create(string type, IReadOnlyDictionary<string, string?> properties, DateTimeOffset? createdAt = null)
    {
        var record = new FakeHubspotRecord(type, NewId()) { CreatedAt = createdAt ?? Clock };
        if (!_records.TryGetValue(type, out var byId)) _records[type] = byId = new Dictionary<string, FakeHubspotRecord>(StringComparer.Ordinal);
        byId[record.Id] = record;
        record.Properties["hs_object_id"] = record.Id;
        record.Properties["createdate"] = Iso(record.CreatedAt);
        Change(record, properties);
        return record;
    }

    /// <summary>Sets properties as a HubSpot user or API call would: a new dealstage is added to the history; the record is stamped.</summary>
    public void Change(FakeHubspotRecord record, IReadOnlyDictionary<string, string?> properties)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(properties);
        var now = Tick();
        foreach (var (name, value) in properties)
        {
            if (name == "dealstage" && value is not null && record["dealstage"] != value) record.StageHistory.Add((value, now));
            record.Properties[name] = value;
        }
        Stamp(record, now);
    }

    public void Archive(FakeHubspotRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.ArchivedAt = Tick();
        _version++;
    }

    /// <summary>The live (not archived) records of a type, by modification time then id: what search pages through.</summary>
    public FakeHubspotRecord[] Sorted(string type)
    {
        if (_sorted.TryGetValue(type, out var cached) && cached.Version == _version) return cached.Sorted;
        var sorted = All(type).Where(r => r.ArchivedAt is null)
            .OrderBy(r => r.ModifiedAt).ThenBy(r => long.Parse(r.Id, CultureInfo.InvariantCulture)).ToArray();
        _sorted[type] = (_version, sorted);
        return sorted;
    }

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal void Stamp(FakeHubspotRecord record, DateTimeOffset at)
    {
        record.ModifiedAt = at;
        record.Properties[ModifiedProperty(record.Type)] = Iso(at);
        _version++;
    }

    private DateTimeOffset Tick()
    {
        var now = Clock;
        Clock = Clock.AddMilliseconds(1);
        return now;
    }
}

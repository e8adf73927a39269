using System.Globalization;

namespace RevBot.Testing.Salesforce;

/// <summary>
/// The fake org's records: each a type, an 18-character id, its fields (relationship fields by path, "Owner.Email")
/// and the system stamp every change moves on. Stamps never go backwards and never repeat, as Salesforce's order by
/// SystemModstamp then Id relies on. Changes to an opportunity's stage add an OpportunityHistory row, as Salesforce does.
/// </summary>
public sealed class FakeSalesforceStore(TimeProvider clock)
{
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["Account"] = "001", ["Contact"] = "003", ["Opportunity"] = "006", ["OpportunityHistory"] = "008",
        ["Task"] = "00T", ["Event"] = "00U", ["OpportunityStage"] = "01J", ["User"] = "005",
    };

    private readonly Lock _lock = new();
    private readonly List<FakeRecord> _records = [];
    private readonly Dictionary<string, FakeRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeRecord>> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeRecord>> _historyByOpportunity = new(StringComparer.Ordinal);
    private long _next;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    public IReadOnlyList<FakeRecord> All
    {
        get
        {
            lock (_lock) return [.. _records];
        }
    }

    public FakeRecord? Find(string id)
    {
        lock (_lock) return _byId.GetValueOrDefault(id);
    }

    public IEnumerable<FakeRecord> Live(string type) => OfType(type).Where(r => !r.IsDeleted);

    /// <summary>The records of one type, deleted ones too (a copy: the fake answers while a test changes the org).</summary>
    public IReadOnlyList<FakeRecord> OfType(string type)
    {
        lock (_lock) return _byType.TryGetValue(type, out var list) ? [.. list] : [];
    }

    /// <summary>The history rows of some opportunities (the fake's index for the connector's IN queries).</summary>
    public IReadOnlyList<FakeRecord> HistoryOf(IEnumerable<string> opportunityIds)
    {
        lock (_lock) return [.. opportunityIds.SelectMany(id => _historyByOpportunity.TryGetValue(id, out var rows) ? rows : [])];
    }

    public FakeRecord Add(string type, IReadOnlyDictionary<string, object?> fields, bool history = true)
    {
        lock (_lock)
        {
            var id = Prefixes[type] + (++_next).ToString("D12", CultureInfo.InvariantCulture) + "AAA";
            var stamp = Stamp();
            var record = new FakeRecord(type, id) { SystemModstamp = stamp };
            record.Fields["Id"] = id;
            record.Fields["CreatedDate"] = stamp;
            record.Fields["LastModifiedDate"] = stamp;
            foreach (var (k, v) in fields) record.Fields[k] = v;
            Index(record);
            if (type == "Opportunity" && history) History(record);
            return record;
        }
    }

    /// <summary>Changes fields as a user in Salesforce would: new LastModifiedDate and SystemModstamp, history on a stage change.</summary>
    public void Update(string id, IReadOnlyDictionary<string, object?> fields)
    {
        lock (_lock)
        {
            var record = _byId[id];
            var stageBefore = record.Fields.GetValueOrDefault("StageName");
            foreach (var (k, v) in fields) record.Fields[k] = v;
            var stamp = Stamp();
            record.Fields["LastModifiedDate"] = stamp;
            record.SystemModstamp = stamp;
            if (record.Type == "Opportunity")
            {
                if (fields.ContainsKey("StageName")) ApplyStage(record);
                if (!Equals(stageBefore, record.Fields["StageName"]) || fields.ContainsKey("Amount") || fields.ContainsKey("CloseDate")) History(record);
            }
        }
    }

    /// <summary>Moves to the recycle bin: queryAll still sees it, with IsDeleted true and a new stamp.</summary>
    public void Delete(string id)
    {
        lock (_lock)
        {
            var record = _byId[id];
            record.IsDeleted = true;
            record.SystemModstamp = Stamp();
        }
    }

    /// <summary>IsClosed, IsWon and ForecastCategoryName follow the stage, as in Salesforce.</summary>
    private void ApplyStage(FakeRecord opportunity)
    {
        var stage = _records.FirstOrDefault(r => r.Type == "OpportunityStage" && Equals(r.Fields["MasterLabel"], opportunity.Fields["StageName"]));
        if (stage is null) return;
        opportunity.Fields["IsClosed"] = stage.Fields["IsClosed"];
        opportunity.Fields["IsWon"] = stage.Fields["IsWon"];
        opportunity.Fields["ForecastCategoryName"] = stage.Fields["ForecastCategoryName"];
    }

    /// <summary>A stage history row from the past (a generated org's earlier stages).</summary>
    public void AddHistory(string opportunityId, string stage, DateTimeOffset at)
    {
        lock (_lock)
        {
            var opportunity = _byId[opportunityId];
            History(opportunity, stage, at);
        }
    }

    private void History(FakeRecord opportunity) => History(opportunity, opportunity.Fields.GetValueOrDefault("StageName"), opportunity.SystemModstamp);

    private void History(FakeRecord opportunity, object? stage, DateTimeOffset at)
    {
        var id = Prefixes["OpportunityHistory"] + (++_next).ToString("D12", CultureInfo.InvariantCulture) + "AAA";
        var history = new FakeRecord("OpportunityHistory", id) { SystemModstamp = at };
        history.Fields["Id"] = id;
        history.Fields["OpportunityId"] = opportunity.Id;
        history.Fields["StageName"] = stage;
        history.Fields["Amount"] = opportunity.Fields.GetValueOrDefault("Amount");
        history.Fields["CreatedDate"] = at;
        Index(history);
        if (!_historyByOpportunity.TryGetValue(opportunity.Id, out var rows)) _historyByOpportunity[opportunity.Id] = rows = [];
        rows.Add(history);
    }

    private void Index(FakeRecord record)
    {
        _records.Add(record);
        _byId[record.Id] = record;
        if (!_byType.TryGetValue(record.Type, out var list)) _byType[record.Type] = list = [];
        list.Add(record);
    }

    private DateTimeOffset Stamp()
    {
        var now = clock.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddMilliseconds(1);
        return _lastStamp;
    }
}

/// <summary>One record: values are string, decimal, bool, DateOnly, DateTimeOffset or null.</summary>
public sealed class FakeRecord(string type, string id)
{
    public string Type => type;

    public string Id => id;

    public Dictionary<string, object?> Fields { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset SystemModstamp { get; set; }

    public bool IsDeleted { get; set; }

    public object? this[string field] => field switch
    {
        "SystemModstamp" => SystemModstamp,
        "IsDeleted" => IsDeleted,
        _ => Fields.GetValueOrDefault(field),
    };
}

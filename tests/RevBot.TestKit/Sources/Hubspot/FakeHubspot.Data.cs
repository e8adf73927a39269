using System.Globalization;

namespace RevBot.Testing.Sources.Hubspot;

/// <summary>What a test puts in the fake portal, and changes in it as a HubSpot user would.</summary>
public sealed partial class FakeHubspot
{
    public FakeHubspotOwner AddOwner(string email, string firstName, string lastName, string? team = null)
    {
        lock (Store.Gate)
        {
            var owner = new FakeHubspotOwner(Store.NewId(), email, firstName, lastName, team);
            Store.Owners.Add(owner);
            return owner;
        }
    }

    public FakeHubspotRecord AddCompany(string name, string? domain = null, FakeHubspotOwner? owner = null, string? industry = null) =>
        Create("companies", new() { ["name"] = name, ["domain"] = domain, ["industry"] = industry, ["hubspot_owner_id"] = owner?.Id });

    public FakeHubspotRecord AddContact(string firstName, string lastName, string email, FakeHubspotRecord? company = null)
    {
        var contact = Create("contacts", new()
        {
            ["firstname"] = firstName, ["lastname"] = lastName, ["email"] = email, ["associatedcompanyid"] = company?.Id,
        });
        if (company is not null) lock (Store.Gate) Associate(contact, company);
        return contact;
    }

    /// <summary>
    /// A deal in the default pipeline. <paramref name="history"/> lists the stages it went through before
    /// <paramref name="stage"/>, with when; the current stage is entered at the store's clock.
    /// </summary>
    public FakeHubspotRecord AddDeal(
        string name, decimal? amount, string stage, FakeHubspotOwner? owner = null, FakeHubspotRecord? company = null,
        DateOnly? closeDate = null, DateTimeOffset? createdAt = null, IEnumerable<(string Stage, DateTimeOffset At)>? history = null,
        IReadOnlyDictionary<string, string?>? more = null)
    {
        lock (Store.Gate)
        {
            var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["dealname"] = name, ["amount"] = amount?.ToString(CultureInfo.InvariantCulture), ["pipeline"] = Store.PipelineOf(stage)?.Id ?? "default",
                ["closedate"] = closeDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000Z" : null,
                ["hubspot_owner_id"] = owner?.Id, ["dealtype"] = "newbusiness",
            };
            foreach (var (key, value) in more ?? new Dictionary<string, string?>()) properties[key] = value;
            var deal = Store.Create("deals", properties, createdAt);
            foreach (var (earlier, at) in history ?? []) deal.StageHistory.Add((earlier, at));
            Store.Change(deal, new Dictionary<string, string?> { ["dealstage"] = stage });
            if (company is not null) Associate(deal, company);
            return deal;
        }
    }

    /// <summary>A call, email, meeting or note ("calls", "emails", "meetings", "notes") on a deal and its company.</summary>
    public FakeHubspotRecord AddEngagement(string type, string title, DateTimeOffset at, FakeHubspotOwner? owner = null, FakeHubspotRecord? deal = null, FakeHubspotRecord? company = null)
    {
        var titleProperty = type switch { "calls" => "hs_call_title", "emails" => "hs_email_subject", "meetings" => "hs_meeting_title", _ => "hs_note_body" };
        lock (Store.Gate)
        {
            var engagement = Store.Create(type, new Dictionary<string, string?>
            {
                [titleProperty] = title, ["hs_timestamp"] = FakeHubspotStore.Iso(at), ["hubspot_owner_id"] = owner?.Id,
            });
            if (deal is not null) Associate(engagement, deal);
            if (company is not null) Associate(engagement, company);
            return engagement;
        }
    }

    /// <summary>Changes a record as a HubSpot user would (stamping it, recording a new stage).</summary>
    public void Change(FakeHubspotRecord record, IReadOnlyDictionary<string, string?> properties)
    {
        lock (Store.Gate) Store.Change(record, properties);
    }

    public void Archive(FakeHubspotRecord record)
    {
        lock (Store.Gate) Store.Archive(record);
    }

    private FakeHubspotRecord Create(string type, Dictionary<string, string?> properties)
    {
        lock (Store.Gate) return Store.Create(type, properties);
    }

    /// <summary>Associates both ways, as HubSpot does.</summary>
    private static void Associate(FakeHubspotRecord a, FakeHubspotRecord b)
    {
        Add(a, b);
        Add(b, a);

        static void Add(FakeHubspotRecord from, FakeHubspotRecord to)
        {
            if (!from.Associations.TryGetValue(to.Type, out var ids)) from.Associations[to.Type] = ids = [];
            if (!ids.Contains(to.Id)) ids.Add(to.Id);
        }
    }
}

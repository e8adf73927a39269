using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Data.Csv;
using RevBot.Sources.Sync;
using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// Reads HubSpot into canonical rows, parents first: companies, contacts, deals with their stage history, then calls,
/// emails, meetings and notes. Each object is read through the search API from its cursor (the last modification
/// time committed; none for a full sync), one batch per page, so an interrupted sync resumes at the page after the
/// last one that committed. Archived records become deletions. Owners and pipelines are read whole on every run: they
/// are few, and they turn owner ids into emails and stage ids into labels and open/won/lost.
/// </summary>
internal sealed class HubspotConnector(HubspotApi api, IOptions<HubspotOptions> options) : ISourceConnector
{
    public SourceSystem System => SourceSystem.Hubspot;

    public async IAsyncEnumerable<SyncBatch> ReadAsync(IReadOnlyDictionary<string, string> cursors, [EnumeratorCancellation] CancellationToken ct)
    {
        var settings = options.Value;
        var search = new HubspotSearch(api, settings.SearchWindow, settings.PageSize);
        var owners = await HubspotOwners.ReadAsync(api, ct);
        var pipelines = await HubspotPipelines.ReadAsync(api, ct);

        await foreach (var page in HubspotSearch.Joined(search.ReadAsync("companies", "hs_lastmodifieddate", HubspotRecords.CompanyProperties, Since(cursors, "companies"), ct), settings.BatchSize))
        {
            var rows = new CanonicalRows("hubspot companies");
            foreach (var c in page.Results) rows.Add("accounts.csv", Id(c), HubspotRecords.Company(c, owners.Emails));
            yield return Batch("companies", rows, page, page.Results.Count);
        }

        await foreach (var page in HubspotSearch.Joined(search.ReadAsync("contacts", "lastmodifieddate", HubspotRecords.ContactProperties, Since(cursors, "contacts"), ct), settings.BatchSize))
        {
            var rows = new CanonicalRows("hubspot contacts");
            foreach (var c in page.Results) rows.Add("contacts.csv", Id(c), HubspotRecords.Contact(c));
            yield return Batch("contacts", rows, page, page.Results.Count);
        }
        if (await ArchivedAsync("contacts", "contacts.csv", cursors, ct) is { } archivedContacts) yield return archivedContacts;

        var deals = new HubspotDealPages(api, pipelines, owners.Emails, settings.Pipelines, settings.DiscountProperty);
        await foreach (var page in HubspotSearch.Joined(search.ReadAsync("deals", "hs_lastmodifieddate", HubspotRecords.DealPropertiesWith(settings.DiscountProperty), Since(cursors, "deals"), ct), settings.BatchSize))
        {
            var (rows, skipped) = await deals.RowsAsync(page.Results, ct);
            yield return Batch("deals", rows, page, page.Results.Count, skipped);
        }
        if (await ArchivedAsync("deals", "deals.csv", cursors, ct) is { } archivedDeals) yield return archivedDeals;

        foreach (var (obj, type, title) in HubspotRecords.Engagements)
        {
            var engagementPages = search.ReadAsync(obj, "hs_lastmodifieddate", ["hs_timestamp", "hubspot_owner_id", title, "hs_lastmodifieddate"], Since(cursors, obj), ct);
            await foreach (var page in HubspotSearch.Joined(engagementPages, settings.BatchSize))
            {
                var ids = page.Results.Select(Id).ToList();
                var dealOf = await HubspotAssociations.FirstAsync(api, obj, "deals", ids, ct);
                var companyOf = await HubspotAssociations.FirstAsync(api, obj, "companies", ids, ct);
                var rows = new CanonicalRows($"hubspot {obj}");
                foreach (var e in page.Results)
                    rows.Add("activities.csv", Id(e), HubspotRecords.Engagement(e, type, title, owners.Emails, dealOf.GetValueOrDefault(Id(e)), companyOf.GetValueOrDefault(Id(e))));
                yield return Batch(obj, rows, page, page.Results.Count);
            }
            if (await ArchivedAsync(obj, "activities.csv", cursors, ct) is { } archived) yield return archived;
        }
    }

    private static SyncBatch Batch(string obj, CanonicalRows rows, HubspotSearch.Page page, int read, IReadOnlyList<SyncSkip>? skipped = null) =>
        new(obj, rows, page.LastModified is { } last ? Canonical(last) : null, read, skipped ?? []);

    private static DateTimeOffset? Since(IReadOnlyDictionary<string, string> cursors, string obj) =>
        cursors.TryGetValue(obj, out var position) ? Time(position) : null;

    /// <summary>
    /// The object's records archived since the last run, as deletions: HubSpot lists archived records (for 90 days)
    /// without a filter, so the whole list is read and only those archived after the cursor are deleted.
    /// </summary>
    private async Task<SyncBatch?> ArchivedAsync(string obj, string file, IReadOnlyDictionary<string, string> cursors, CancellationToken ct)
    {
        var key = obj + ".archived";
        var since = Since(cursors, key);
        var latest = since;
        var rows = new CanonicalRows($"hubspot archived {obj}");
        string? after = null;
        do
        {
            var answer = await api.GetAsync($"crm/v3/objects/{obj}?archived=true&limit=100" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)), ct);
            foreach (var record in Array(answer, "results"))
            {
                var at = Time(Str(record, "archivedAt"));
                if (since is not null && at < since) continue;
                rows.Delete(file, HubspotRecords.Key(Id(record)));
                if (at > latest || latest is null) latest = at;
            }
            after = NextAfter(answer);
        }
        while (after is not null);
        return rows.DeletedCount == 0 ? null : new SyncBatch(key, rows, latest is { } l ? Canonical(l) : null, rows.DeletedCount, []);
    }
}

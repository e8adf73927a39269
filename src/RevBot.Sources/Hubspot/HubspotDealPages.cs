using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Data.Csv;
using RevBot.Sources.Sync;
using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// A page of deals from the search API as deals.csv and deal_stage_history.csv rows. Search answers carry no history
/// and no associations, so each page costs two more calls per chunk: a batch read with <c>propertiesWithHistory</c>
/// (the deal's stage changes) and a v4 association read (its company). A deal outside the pipelines the settings name
/// is deleted locally and listed as skipped.
/// </summary>
internal sealed class HubspotDealPages(HubspotApi api, HubspotPipelines pipelines, IReadOnlyDictionary<string, string> owners, IReadOnlyList<string> onlyPipelines, string? discountProperty)
{
    /// <summary>HubSpot caps reads with property history at 50 records.</summary>
    private const int HistoryChunk = 50;

    public async Task<(CanonicalRows Rows, List<SyncSkip> Skipped)> RowsAsync(IReadOnlyList<JsonElement> deals, CancellationToken ct)
    {
        var rows = new CanonicalRows("hubspot deals");
        var skipped = new List<SyncSkip>();
        var kept = new List<JsonElement>();
        foreach (var deal in deals)
        {
            if (onlyPipelines.Count > 0 && !onlyPipelines.Contains(Prop(deal, "pipeline") ?? "", StringComparer.Ordinal))
            {
                rows.Delete("deals.csv", HubspotRecords.Key(Id(deal)));
                skipped.Add(new SyncSkip("deals", Id(deal), $"pipeline {Prop(deal, "pipeline")} is not in Sources:Hubspot:Pipelines"));
                continue;
            }
            kept.Add(deal);
        }
        var ids = kept.Select(Id).ToList();
        var history = await HistoryAsync(ids, ct);
        var companies = await HubspotAssociations.FirstAsync(api, "deals", "companies", ids, ct);
        foreach (var deal in kept)
        {
            var id = Id(deal);
            var changes = history.GetValueOrDefault(id) ?? [];
            var current = Prop(deal, "dealstage");
            var enteredCurrent = changes.Where(c => c.StageId == current).Select(c => (DateTimeOffset?)c.At).DefaultIfEmpty(null).Max();
            rows.Add("deals.csv", id, HubspotRecords.Deal(deal, pipelines, owners, companies.GetValueOrDefault(id), enteredCurrent, discountProperty));
            var seen = new HashSet<(string, DateTimeOffset)>();
            foreach (var change in changes.OrderBy(c => c.At))
            {
                var label = pipelines.Stage(change.StageId)?.Label ?? change.StageId;
                if (!seen.Add((label, change.At))) continue;
                rows.Add("deal_stage_history.csv", id, new Dictionary<string, string?>
                {
                    ["deal_id"] = HubspotRecords.Key(id), ["stage"] = label, ["entered_at"] = Canonical(change.At),
                });
            }
        }
        return (rows, skipped);
    }

    private async Task<Dictionary<string, List<(string StageId, DateTimeOffset At)>>> HistoryAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var history = new Dictionary<string, List<(string, DateTimeOffset)>>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(HistoryChunk))
        {
            var body = new JsonObject
            {
                ["properties"] = new JsonArray("dealstage"),
                ["propertiesWithHistory"] = new JsonArray("dealstage"),
                ["inputs"] = new JsonArray([.. chunk.Select(id => (JsonNode)new JsonObject { ["id"] = id })]),
            };
            var answer = await api.PostAsync("crm/v3/objects/deals/batch/read", body, ct);
            foreach (var deal in Array(answer, "results"))
            {
                var changes = new List<(string, DateTimeOffset)>();
                if (deal.TryGetProperty("propertiesWithHistory", out var withHistory))
                    foreach (var change in Array(withHistory, "dealstage"))
                        if (Str(change, "value") is { Length: > 0 } stage && Time(Str(change, "timestamp")) is { } at) changes.Add((stage, at));
                history[Id(deal)] = changes;
            }
        }
        return history;
    }
}

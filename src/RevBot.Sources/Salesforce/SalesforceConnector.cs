using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Data.Csv;
using RevBot.Sources.Sync;
using static RevBot.Sources.Salesforce.SalesforceJson;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// Reads the org: its stages first, then accounts, contacts, opportunities (each page with its opportunities' stage
/// history), tasks and events changed after each object's cursor, oldest first, page by page (<c>nextRecordsUrl</c>);
/// then the records deleted since (queryAll, <c>IsDeleted = true</c>). One batch per page, its cursor the last record's
/// (SystemModstamp, Id). Before each query the org's API usage is checked: the sync stops short of the daily limit.
/// </summary>
public sealed class SalesforceConnector(SalesforceApi api, SalesforceOrg org, ILogger<SalesforceConnector> log) : ISourceConnector
{
    /// <summary>Opportunity ids per stage-history query: an IN list of 200 ids keeps the URL near 5,000 characters.</summary>
    internal const int HistoryChunk = 200;

    public SourceSystem System => SourceSystem.Salesforce;

    public async IAsyncEnumerable<SyncBatch> ReadAsync(IReadOnlyDictionary<string, string> cursors, [EnumeratorCancellation] CancellationToken ct)
    {
        CheckLimit();
        var stages = await org.StagesAsync(ct, reload: true);
        foreach (var sObject in SoqlQueries.Objects)
            await foreach (var batch in ChangedAsync(sObject, Cursor(cursors, sObject), stages, ct)) yield return batch;
        foreach (var sObject in SoqlQueries.Deletable)
            await foreach (var batch in DeletedAsync(sObject, Cursor(cursors, sObject + ".deleted"), ct)) yield return batch;
        if (api.Limits.Latest is var (used, limit))
            log.LogInformation("Salesforce API usage after the sync: {Used} of {Limit} requests in the org's 24 hours.", used, limit);
    }

    private async IAsyncEnumerable<SyncBatch> ChangedAsync(string sObject, SalesforceCursor? cursor, IReadOnlyList<SalesforceStage> stages, [EnumeratorCancellation] CancellationToken ct)
    {
        var custom = SalesforceCustomFields.Of(api.Options);
        var page = sObject == "Opportunity"
            ? await org.WithCurrencyAsync(multi => QueryAsync(SoqlQueries.Changed(sObject, cursor, multi, custom), false, ct))
            : await QueryAsync(SoqlQueries.Changed(sObject, cursor, false, SalesforceCustomFields.None), false, ct);
        while (true)
        {
            if (page.Records.Count > 0)
            {
                var rows = new CanonicalRows("salesforce " + sObject);
                foreach (var r in page.Records)
                {
                    var id = Text(r, "Id") ?? throw new SyncFailedException($"Salesforce sent a {sObject} record without an Id.");
                    var (file, cells) = sObject switch
                    {
                        "Account" => ("accounts.csv", SalesforceRows.Account(r)),
                        "Contact" => ("contacts.csv", SalesforceRows.Contact(r)),
                        "Opportunity" => ("deals.csv", SalesforceRows.Deal(r, stages, custom)),
                        "Task" => ("activities.csv", SalesforceRows.Task(r)),
                        _ => ("activities.csv", SalesforceRows.Event(r)),
                    };
                    rows.Add(file, id, cells);
                }
                if (sObject == "Opportunity") await AddHistoryAsync(rows, page.Records, ct);
                yield return new SyncBatch(sObject, rows, Last(page.Records), page.Records.Count, []);
            }
            if (page.NextUrl is null) yield break;
            page = await QueryAsync(page.NextUrl, true, ct);
        }
    }

    private async IAsyncEnumerable<SyncBatch> DeletedAsync(string sObject, SalesforceCursor? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var file = sObject switch { "Contact" => "contacts.csv", "Opportunity" => "deals.csv", _ => "activities.csv" };
        var page = await QueryAsync(SoqlQueries.Deleted(sObject, cursor), false, ct, all: true);
        while (true)
        {
            if (page.Records.Count > 0)
            {
                var rows = new CanonicalRows("salesforce deleted " + sObject);
                foreach (var r in page.Records) rows.Delete(file, SalesforceRows.Id(Text(r, "Id")!));
                yield return new SyncBatch(sObject + ".deleted", rows, Last(page.Records), page.Records.Count, []);
            }
            if (page.NextUrl is null) yield break;
            page = await QueryAsync(page.NextUrl, true, ct, all: true);
        }
    }

    /// <summary>
    /// The stage history of a page's opportunities, whole, in time order: OpportunityHistory has a row for every change of
    /// amount or date too, so a stage is entered only where the stage differs from the row before. Rows already stored
    /// are left as they are by the importer (every column is the key).
    /// </summary>
    private async Task AddHistoryAsync(CanonicalRows rows, IReadOnlyList<JsonElement> opportunities, CancellationToken ct)
    {
        foreach (var chunk in opportunities.Select(r => Text(r, "Id")!).Chunk(HistoryChunk))
        {
            string? previousDeal = null, previousStage = null;
            for (var page = await QueryAsync(SoqlQueries.History(chunk), false, ct); ; page = await QueryAsync(page.NextUrl!, true, ct))
            {
                foreach (var h in page.Records)
                {
                    var deal = Text(h, "OpportunityId");
                    var stage = Text(h, "StageName");
                    if (deal is null || stage is null) continue;
                    if (deal == previousDeal && stage == previousStage) continue;
                    previousDeal = deal;
                    previousStage = stage;
                    rows.Add("deal_stage_history.csv", deal, new Dictionary<string, string?>
                    {
                        ["deal_id"] = SalesforceRows.Id(deal),
                        ["stage"] = stage,
                        ["entered_at"] = SalesforceTime.Canonical(Text(h, "CreatedDate")),
                    });
                }
                if (page.NextUrl is null) break;
            }
        }
    }

    private async Task<QueryPage> QueryAsync(string soqlOrNext, bool isNext, CancellationToken ct, bool all = false)
    {
        CheckLimit();
        return await api.QueryAsync(soqlOrNext, all, isNext, ct);
    }

    private void CheckLimit()
    {
        if (api.Limits.StopReason(api.Options.StopAtApiUsage) is { } reason) throw new SyncFailedException(reason);
    }

    private static SalesforceCursor? Cursor(IReadOnlyDictionary<string, string> cursors, string key) =>
        cursors.TryGetValue(key, out var position) ? SalesforceCursor.Parse(position) : null;

    private static string? Last(IReadOnlyList<JsonElement> records) =>
        records[^1] is var last && SalesforceTime.Parse(Text(last, "SystemModstamp")) is { } stamp ? new SalesforceCursor(stamp, Text(last, "Id")!).ToString() : null;
}

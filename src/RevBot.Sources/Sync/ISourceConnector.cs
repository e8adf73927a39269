using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>
/// Reads one system of record (HubSpot, Salesforce, Stripe) into canonical rows. The sync runner
/// (<see cref="SyncRunner"/>) asks for batches since the stored cursors, imports each batch through the CSV importer's
/// checks and upsert in one transaction with the cursor it carries, and stops at the first batch that fails. A connector
/// only talks HTTP and maps fields: it never writes to the database.
/// </summary>
public interface ISourceConnector
{
    SourceSystem System { get; }

    /// <summary>
    /// The batches to import, in an order that puts parents before children (owners, companies, contacts, deals, stage
    /// history, activities). <paramref name="cursors"/> holds each object's stored position (empty for a full sync);
    /// each batch carries the position to store once it commits.
    /// </summary>
    IAsyncEnumerable<SyncBatch> ReadAsync(IReadOnlyDictionary<string, string> cursors, CancellationToken ct);
}

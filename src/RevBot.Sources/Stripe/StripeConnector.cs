using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Storage;
using RevBot.Sources.Sync;
using Stripe;
using SourceSystem = RevBot.Core.Domain.SourceSystem;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Reads Stripe's subscriptions into subscriptions.csv rows. A full sync lists every subscription (any status) with
/// pages read ahead (<see cref="StripePages"/>), ten pages per batch, after noting the newest event; an incremental
/// sync reads the customer events since the last one processed (<c>customer.subscription.*</c>, <c>customer.discount.*</c>,
/// <c>customer.updated</c>…) and reads each subscription they name again, so a batch holds the subscription as it is
/// now, whatever order the events came in. An event cursor older than Stripe keeps events (30 days) starts a full
/// listing again.
/// </summary>
public sealed class StripeConnector(StripeClients clients, IOptionsMonitor<StripeOptions> options, IOptions<CompanyOptions> company,
    IServiceScopeFactory scopes, TimeProvider time) : ISourceConnector
{
    /// <summary>
    /// Subscriptions a listing batch holds: ten pages a transaction, so the import's fixed cost per batch (its checks,
    /// lookups and commit) is paid a tenth as often; an interrupted listing reads at most ten pages again.
    /// </summary>
    internal const int ListingBatchSize = 10 * StripeApi.PageSize;

    public SourceSystem System => SourceSystem.Stripe;

    public async IAsyncEnumerable<SyncBatch> ReadAsync(IReadOnlyDictionary<string, string> cursors, [EnumeratorCancellation] CancellationToken ct)
    {
        var api = new StripeApi(clients.Create());
        // The explicit map's file is read while the first requests are on the wire; domains are looked up per batch.
        var rows = RowsAsync(api, ct);
        try
        {
            var cursor = StripeCursor.Parse(cursors.GetValueOrDefault(StripeCursor.Object));
            if (cursor is { Listing: false })
            {
                var resumed = true;
                await foreach (var batch in EventBatchesAsync(api, rows, cursor, () => resumed = false, ct)) yield return batch;
                if (resumed) yield break;
                cursor = null;
            }
            if (cursor is null)
            {
                var newest = await api.NewestEventAsync(ct);
                cursor = new StripeCursor(true, null, newest?.Id, newest is null ? time.GetUtcNow().ToUnixTimeSeconds() : null);
            }
            await foreach (var batch in ListingBatchesAsync(api, rows, cursor, ct)) yield return batch;
        }
        finally
        {
            // A run that ends before its first batch still waits for the map's read, whose error is then nobody's.
            await rows.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Rows made with the account map and company as they are at the start of this run.</summary>
    private Task<StripeRows> RowsAsync(StripeApi api, CancellationToken ct) => Task.Run(() =>
    {
        var map = StripeAccountMap.Load(scopes, options.CurrentValue);
        var c = company.Value;
        return new StripeRows(api, map, c.Currency, c.GetTimeZone(), time.GetUtcNow().UtcDateTime);
    }, ct);

    private static async IAsyncEnumerable<SyncBatch> ListingBatchesAsync(StripeApi api, Task<StripeRows> rows, StripeCursor cursor,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var page = new List<Subscription>(ListingBatchSize);
        await foreach (var subscription in api.SubscriptionsAsync(cursor.After, null, ct))
        {
            page.Add(subscription);
            if (page.Count < ListingBatchSize) continue;
            cursor = cursor with { After = page[^1].Id };
            yield return await BatchAsync(await rows, page, [], cursor, ct);
            page.Clear();
        }
        // The last batch ends the listing, even with nothing in it: the next sync reads events.
        yield return await BatchAsync(await rows, page, [], cursor with { Listing = false, After = null }, ct);
    }

    private static async IAsyncEnumerable<SyncBatch> EventBatchesAsync(StripeApi api, Task<StripeRows> rows, StripeCursor cursor, Action expired,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var events = api.EventsAsync(cursor.Event, cursor.SinceTime, ct).GetAsyncEnumerator(ct);
        await using (events)
        {
            var chunk = new List<Event>(StripeApi.PageSize);
            while (true)
            {
                bool more;
                try
                {
                    more = await events.MoveNextAsync();
                }
                catch (SyncFailedException e) when (StripeApi.IsMissing(e) && chunk.Count == 0)
                {
                    expired();
                    yield break;
                }
                if (more)
                {
                    chunk.Add(events.Current);
                    if (chunk.Count < StripeApi.PageSize) continue;
                }
                else if (chunk.Count == 0) yield break;
                var (changed, deleted) = await StripeEvents.ReadAsync(api, chunk, ct);
                cursor = cursor with { Event = chunk[^1].Id, Since = null };
                yield return await BatchAsync(await rows, changed, deleted, cursor, ct);
                chunk.Clear();
                if (!more) yield break;
            }
        }
    }

    private static async Task<SyncBatch> BatchAsync(StripeRows rows, IReadOnlyList<Subscription> subscriptions, IReadOnlyList<string> deleted,
        StripeCursor cursor, CancellationToken ct)
    {
        var (canonical, skipped) = await rows.MakeAsync("stripe subscriptions", subscriptions, deleted, ct);
        return new SyncBatch(StripeCursor.Object, canonical, cursor.Format(), subscriptions.Count + deleted.Count, skipped);
    }
}

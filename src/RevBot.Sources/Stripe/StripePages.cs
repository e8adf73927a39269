using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Reads a Stripe list with the wire kept busy: one request at a time, as Stripe's rate limits expect, each asked for as
/// soon as the previous page's body has arrived (its last id and <c>has_more</c> read by a scan of the raw JSON, before
/// anything else is done with it), whatever the caller is doing. Pages are deserialised by Stripe.net, in order, on a
/// thread of the listing's own rather than the thread pool: a page is about ten milliseconds of CPU (more on a busy
/// machine), and on the pool it would hold up the short continuation that sends the next request (and the importer's).
/// One such thread, not two: a second (measured) made the in-process fake's answers slower. At most <see cref="Ahead"/>
/// pages wait for the caller, who gets them in order. The SDK's auto-paging asks for the next page only after the caller
/// has taken every item of this one, so a listing paid Stripe's time, the SDK's deserialisation and the caller's work one
/// after the other; here it takes about the longest of them. Errors are the SDK's own (<see cref="StripeException"/>),
/// reaching the caller after the pages read before them, as with auto-paging.
/// </summary>
internal static class StripePages
{
    /// <summary>
    /// Pages read (or on the wire) ahead of the caller: more than a listing batch (<see cref="StripeConnector.ListingBatchSize"/>),
    /// so the wire stays busy while the caller imports a whole batch; a few hundred KB each.
    /// </summary>
    internal const int Ahead = StripeConnector.ListingBatchSize / StripeApi.PageSize + 2;

    /// <param name="parameters">The list's query parameters, as Stripe.net would send them, without <c>starting_after</c>.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(StripeClient client, string path, IReadOnlyList<KeyValuePair<string, string>> parameters,
        string? startingAfter, [EnumeratorCancellation] CancellationToken ct) where T : StripeEntity<T>, IHasId
    {
        var pages = Channel.CreateBounded<Task<StripeList<T>>>(new BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
        using var bodies = new BlockingCollection<(string Body, TaskCompletionSource<StripeList<T>> Page)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var deserialising = Task.Factory.StartNew(() => Deserialise(client, bodies, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var reading = Task.Run(() => FetchAllAsync(client, path, parameters, startingAfter, pages.Writer, bodies, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(ct))
                foreach (var item in (await page).Data)
                    yield return item;
        }
        finally
        {
            // A caller that stops early, or a failed page, leaves pages behind: the reading stops, and their outcome is
            // nobody's but is observed rather than left to the finalizer.
            await stop.CancelAsync();
            await reading;
            await deserialising;
            while (pages.Reader.TryRead(out var left)) _ = ObserveAsync(left);
        }
    }

    /// <summary>
    /// Asks for page after page, each as soon as the one before has arrived, until Stripe says there are no more or a
    /// request fails (the failed page carries the error to the caller). Never throws; ends the deserialiser's input.
    /// </summary>
    private static async Task FetchAllAsync<T>(StripeClient client, string path, IReadOnlyList<KeyValuePair<string, string>> parameters,
        string? after, ChannelWriter<Task<StripeList<T>>> pages, BlockingCollection<(string, TaskCompletionSource<StripeList<T>>)> bodies,
        CancellationToken ct) where T : StripeEntity<T>, IHasId
    {
        TaskCompletionSource<StripeList<T>>? page = null;
        try
        {
            // Room first, then the request: at most Ahead pages are read (or on the wire) beyond the caller's.
            while (await pages.WaitToWriteAsync(ct))
            {
                page = new TaskCompletionSource<StripeList<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
                pages.TryWrite(page.Task);
                var (body, lastId, more) = await FetchAsync(client, path, parameters, after, ct);
                bodies.Add((body, page), CancellationToken.None);
                page = null;
                if (!more || lastId is null) break;
                after = lastId;
            }
        }
        catch (Exception e)
        {
            // The failed page tells the caller; a stop is the caller's own. The reading ends.
            page?.TrySetException(e);
        }
        finally
        {
            pages.TryComplete();
            bodies.CompleteAdding();
        }
    }

    /// <summary>The listing's own thread: each body, in order, through Stripe.net's deserialisation (none once the caller has stopped).</summary>
    private static void Deserialise<T>(StripeClient client, BlockingCollection<(string Body, TaskCompletionSource<StripeList<T>> Page)> bodies,
        CancellationToken stopped) where T : StripeEntity<T>, IHasId
    {
        foreach (var (body, page) in bodies.GetConsumingEnumerable())
        {
            if (stopped.IsCancellationRequested)
            {
                page.TrySetCanceled(stopped);
                continue;
            }
            try
            {
                page.TrySetResult(client.Deserialize<StripeList<T>>(body));
            }
            catch (Exception e)
            {
                page.TrySetException(e);
            }
        }
    }

    private static async Task<(string Body, string? LastId, bool More)> FetchAsync(StripeClient client, string path,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string? startingAfter, CancellationToken ct)
    {
        var all = startingAfter is null ? parameters : [.. parameters, new("starting_after", startingAfter)];
        var query = string.Join('&', all.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var response = await client.RawRequestAsync(HttpMethod.Get, path + "?" + query, null, null, ct);
        var (lastId, more) = Scan(response.Content);
        return (response.Content, lastId, more);
    }

    /// <summary>
    /// A list's last item id and <c>has_more</c>, read without building anything: every other value is skipped. A body
    /// that is not a list (no <c>data</c> or <c>has_more</c>) is an error, as it would be for the SDK.
    /// </summary>
    internal static (string? LastId, bool More) Scan(string body)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(body.Length));
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(body, bytes)));
            (string? LastId, bool? More, bool Data) found = (null, null, false);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A Stripe list is a JSON object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("has_more"u8))
                {
                    reader.Read();
                    found.More = reader.GetBoolean();
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A Stripe list's data is an array.");
                    found.Data = true;
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject) found.LastId = ItemId(ref reader);
                }
                else reader.Skip();
            }
            return found is { More: { } more, Data: true } ? (found.LastId, more) : throw new JsonException("A Stripe list has data and has_more.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The <c>id</c> of the item the reader is at the start of, leaving the reader at its end.</summary>
    private static string? ItemId(ref Utf8JsonReader reader)
    {
        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString();
            else reader.Skip();
        }
        return id;
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Its caller is gone; the error of a page nobody will read is not this listing's.
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Reads a Stripe list with the wire kept busy: one request at a time, as Stripe's rate limits expect, each asked for as
/// soon as the previous page's body has arrived (its last id and <c>has_more</c> read from the raw JSON), whatever the
/// caller is doing; each page is deserialised by Stripe.net on the thread pool as soon as it arrives, so that work
/// runs on another core, beside the next request and the caller's own. At most <see cref="Ahead"/> pages wait for the
/// caller, who gets them in order. The SDK's auto-paging asks for the next page only after the caller has taken every
/// item of this one, so a listing paid Stripe's time, the SDK's deserialisation and the caller's work one after the
/// other; here it takes about the longest of them. Errors are the SDK's own (<see cref="StripeException"/>), reaching
/// the caller after the pages read before them, as with auto-paging.
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
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => FetchAllAsync(client, path, parameters, startingAfter, pages.Writer, stop.Token), CancellationToken.None);
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
            while (pages.Reader.TryRead(out var left)) _ = ObserveAsync(left);
        }
    }

    /// <summary>
    /// Asks for page after page, each as soon as the one before has arrived, until Stripe says there are no more or a
    /// request fails (the failed page carries the error to the caller). Never throws.
    /// </summary>
    private static async Task FetchAllAsync<T>(StripeClient client, string path, IReadOnlyList<KeyValuePair<string, string>> parameters,
        string? after, ChannelWriter<Task<StripeList<T>>> pages, CancellationToken ct) where T : StripeEntity<T>, IHasId
    {
        try
        {
            // Room first, then the request: at most Ahead pages are read (or on the wire) beyond the caller's.
            while (await pages.WaitToWriteAsync(ct))
            {
                var fetch = FetchAsync(client, path, parameters, after, ct);
                pages.TryWrite(DeserialiseAsync<T>(client, fetch));
                (_, after, var more) = await fetch;
                if (!more || after is null) break;
            }
        }
        catch (Exception)
        {
            // The failed page is in the channel and tells the caller; a stop is the caller's own. The reading ends.
        }
        finally
        {
            pages.TryComplete();
        }
    }

    private static async Task<StripeList<T>> DeserialiseAsync<T>(StripeClient client, Task<(string Body, string? LastId, bool More)> fetch)
        where T : StripeEntity<T>, IHasId
    {
        var (body, _, _) = await fetch;
        return await Task.Run(() => client.Deserialize<StripeList<T>>(body));
    }

    private static async Task<(string Body, string? LastId, bool More)> FetchAsync(StripeClient client, string path,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string? startingAfter, CancellationToken ct)
    {
        var all = startingAfter is null ? parameters : [.. parameters, new("starting_after", startingAfter)];
        var query = string.Join('&', all.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var response = await client.RawRequestAsync(HttpMethod.Get, path + "?" + query, null, null, ct);
        using var json = JsonDocument.Parse(response.Content);
        var root = json.RootElement;
        var data = root.GetProperty("data");
        var count = data.GetArrayLength();
        var lastId = count == 0 ? null : data[count - 1].GetProperty("id").GetString();
        return (response.Content, lastId, root.GetProperty("has_more").GetBoolean());
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

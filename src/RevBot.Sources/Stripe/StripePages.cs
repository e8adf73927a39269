using System.Runtime.CompilerServices;
using System.Text.Json;
using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Reads a Stripe list one page ahead: the request for the next page goes out as soon as this page's body has arrived
/// (its last id and <c>has_more</c> are read from the raw JSON), and this page is deserialised by Stripe.net while
/// that request is on the wire. The SDK's auto-paging asks for the next page only after the caller has taken every
/// item of this one, so a full listing paid Stripe's time and the SDK's deserialisation one after the other; here a
/// listing takes about the longer of the two. Errors are the SDK's own (<see cref="StripeException"/>), as with
/// auto-paging.
/// </summary>
internal static class StripePages
{
    /// <param name="parameters">The list's query parameters, as Stripe.net would send them, without <c>starting_after</c>.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(StripeClient client, string path, IReadOnlyList<KeyValuePair<string, string>> parameters,
        string? startingAfter, [EnumeratorCancellation] CancellationToken ct) where T : StripeEntity<T>, IHasId
    {
        var next = FetchAsync(client, path, parameters, startingAfter, ct);
        try
        {
            while (next is not null)
            {
                var (body, lastId, more) = await next;
                // The next page is asked for before this one is deserialised: the two overlap.
                next = more && lastId is not null ? FetchAsync(client, path, parameters, lastId, ct) : null;
                foreach (var item in client.Deserialize<StripeList<T>>(body).Data) yield return item;
            }
        }
        finally
        {
            // A caller that stops early, or a failed deserialisation, leaves the page in flight behind: its outcome
            // is nobody's, but it is observed rather than left to the finalizer.
            if (next is not null) _ = ObserveAsync(next);
        }
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

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// Calls to the org's REST API: the bearer token on each request, one new sign-in and one retry when Salesforce answers
/// 401 (INVALID_SESSION_ID: the session ended early, e.g. an admin revoked it), <c>Sforce-Limit-Info</c> recorded from
/// every answer. Retries of 429/5xx are the named client's resilience pipeline's (<see cref="SourceHttp"/>).
/// </summary>
public sealed class SalesforceApi(IHttpClientFactory http, SalesforceTokens tokens, SalesforceLimits limits, IOptionsMonitor<SalesforceOptions> options)
{
    public SalesforceOptions Options => options.CurrentValue;

    public SalesforceLimits Limits => limits;

    /// <summary>"/services/data/v62.0/" followed by <paramref name="rest"/>.</summary>
    public string DataPath(string rest) => $"/services/data/{Options.ApiVersion}/{rest}";

    /// <summary>
    /// Sends the request <paramref name="make"/> builds (a path relative to the instance); the caller disposes the answer.
    /// A request is made again for the retry after a renewed session, since a sent request cannot be sent twice.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, CancellationToken ct)
    {
        using var client = http.CreateClient(SourceHttp.ClientName(SourceSystem.Salesforce));
        var session = await tokens.GetAsync(ct);
        var response = await SendOnceAsync(client, make, session, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        session = await tokens.RenewAsync(session, ct);
        return await SendOnceAsync(client, make, session, ct);
    }

    /// <summary>One page of a query: <c>query</c> (live records) or <c>queryAll</c> (deleted ones too), or the next page's URL.</summary>
    public async Task<QueryPage> QueryAsync(string soqlOrNextUrl, bool all, bool isNext, CancellationToken ct)
    {
        var path = isNext ? soqlOrNextUrl : DataPath((all ? "queryAll" : "query") + "?q=" + Uri.EscapeDataString(soqlOrNextUrl));
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Sforce-Query-Options", string.Create(CultureInfo.InvariantCulture, $"batchSize={Options.PageSize}"));
            return request;
        }, ct);
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new SyncFailedException("Salesforce answered a query without a list of records.");
        var records = list.EnumerateArray().Select(r => r.Clone()).ToList();
        var next = root.TryGetProperty("nextRecordsUrl", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new QueryPage(records, root.TryGetProperty("done", out var done) && done.ValueKind == JsonValueKind.False ? next : null);
    }

    /// <summary>Salesforce's error answer as one safe sentence: the status and each error's code and message (never a token).</summary>
    public static async Task<SalesforceException> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var errors = await SalesforceError.ReadAsync(response, ct);
        var text = errors.Count == 0 ? response.ReasonPhrase : string.Join("; ", errors.Select(e => $"{e.ErrorCode}: {e.Message}"));
        return new SalesforceException($"Salesforce answered {(int)response.StatusCode} ({text}).", response.StatusCode, errors);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpClient client, Func<HttpRequestMessage> make, SalesforceSession session, CancellationToken ct)
    {
        using var request = make();
        request.RequestUri = new Uri(session.InstanceUrl, request.RequestUri!.ToString());
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.Headers.TryGetValues("Sforce-Limit-Info", out var info)) limits.Record(info);
        return response;
    }
}

/// <summary>The records of one page and the URL of the next, null on the last page.</summary>
public sealed record QueryPage(IReadOnlyList<JsonElement> Records, string? NextUrl);

/// <summary>An answer from Salesforce that is not a success: a sync fails with its message, a write reads its errors.</summary>
public sealed class SalesforceException(string message, HttpStatusCode status, IReadOnlyList<SalesforceError> errors) : HttpRequestException(message, null, status)
{
    public IReadOnlyList<SalesforceError> Errors => errors;
}

/// <summary>One entry of Salesforce's error array: <c>[{"message": "...", "errorCode": "...", "fields": ["..."]}]</c>.</summary>
public sealed record SalesforceError(string ErrorCode, string Message, IReadOnlyList<string> Fields)
{
    public static async Task<IReadOnlyList<SalesforceError>> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Array) return [];
            return [.. json.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new SalesforceError(
                Text(e, "errorCode") ?? "UNKNOWN",
                Text(e, "message") ?? "",
                e.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array ? [.. f.EnumerateArray().Select(x => x.GetString() ?? "")] : []))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// Writes a deal change to its Opportunity: one PATCH with <c>If-Unmodified-Since</c> set to when RevBot last saw the
/// record change, so Salesforce refuses it (412) if anyone changed the record since; then the record's new
/// LastModifiedDate is read back. A 412 is a conflict answered with the record's current values; a 400 is a refusal
/// with Salesforce's field errors by canonical field; a 404 means the record is gone. An activity becomes a completed Task.
/// </summary>
public sealed class SalesforceCrmWriter(SalesforceApi api, SalesforceOrg org, ILogger<SalesforceCrmWriter> log) : ICrmWriter
{
    private static readonly TimeSpan OverLimitWait = TimeSpan.FromHours(1);

    public SourceSystem System => SourceSystem.Salesforce;

    public async Task<CrmWriteResult> WriteDealAsync(CrmDealWrite write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await WriteAsync(write, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            log.LogWarning("Writing opportunity {Id} to Salesforce failed for now: {Error}", write.ExternalId, e.Message);
            return new CrmWriteResult(CrmWriteStatus.Retry, Error: Short(e.Message));
        }
    }

    private async Task<CrmWriteResult> WriteAsync(CrmDealWrite write, CancellationToken ct)
    {
        var custom = SalesforceCustomFields.Of(api.Options);
        DateTime? modifiedAt = null;
        if (write.Fields.Count > 0)
        {
            if (write.ExpectedModifiedAt is not { } expected)
                // Without the record's last-modified time there is no concurrency check: show the current values instead of overwriting.
                return await ConflictAsync(write.ExternalId, "RevBot had not read the record's last change.", ct);
            var (body, errors) = SalesforceFields.Body(write.Fields, await org.StagesAsync(ct), custom);
            if (body is null) return new CrmWriteResult(CrmWriteStatus.Refused, FieldErrors: errors, Error: "fields Salesforce has no place for");
            using var response = await api.SendAsync(() => Patch(write.ExternalId, body, expected), ct);
            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.PreconditionFailed) return await ConflictAsync(write.ExternalId, "changed in Salesforce since RevBot last read it", ct);
                return await FailedAsync(response, custom, ct);
            }
            modifiedAt = await ModifiedAtAsync(write.ExternalId, ct);
        }
        if (write.Activity is { } activity)
        {
            using var response = await api.SendAsync(() => NewTask(write.ExternalId, activity), ct);
            if (!response.IsSuccessStatusCode)
            {
                var failed = await FailedAsync(response, custom, ct);
                if (write.Fields.Count == 0) return failed;
                // The fields are written: sending them again would be refused as a conflict with RevBot's own change.
                log.LogWarning("Opportunity {Id} was written to Salesforce but its task was not created: {Error}", write.ExternalId, failed.Error);
                return new CrmWriteResult(CrmWriteStatus.Written, ModifiedAt: modifiedAt, Error: "the task was not created: " + failed.Error);
            }
            modifiedAt ??= await ModifiedAtAsync(write.ExternalId, ct);
        }
        return new CrmWriteResult(CrmWriteStatus.Written, ModifiedAt: modifiedAt);
    }

    private HttpRequestMessage Patch(string id, JsonObject body, DateTime expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, api.DataPath($"sobjects/Opportunity/{Uri.EscapeDataString(id)}"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Unmodified-Since", SalesforceTime.HttpDate(expected));
        return request;
    }

    private HttpRequestMessage NewTask(string opportunityId, CrmActivity activity) => new(HttpMethod.Post, api.DataPath("sobjects/Task"))
    {
        Content = JsonContent.Create(new Dictionary<string, object?>
        {
            ["Subject"] = activity.Subject,
            ["ActivityDate"] = activity.OccurredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["WhatId"] = opportunityId,
            ["Status"] = "Completed",
            ["TaskSubtype"] = activity.Type switch { "call" => "Call", "email" => "Email", _ => "Task" },
            ["Description"] = activity.OwnerEmail is null ? "Logged in RevBot." : $"Logged in RevBot by {activity.OwnerEmail}.",
        }),
    };

    private async Task<CrmWriteResult> FailedAsync(HttpResponseMessage response, SalesforceCustomFields custom, CancellationToken ct)
    {
        var errors = await SalesforceError.ReadAsync(response, ct);
        var summary = Short(string.Join("; ", errors.Select(e => $"{e.ErrorCode}: {e.Message}")));
        if (response.StatusCode == HttpStatusCode.NotFound || errors.Any(e => e.ErrorCode == "ENTITY_IS_DELETED"))
            return new CrmWriteResult(CrmWriteStatus.Gone, Error: summary);
        // Over the org's daily limit, or a record lock held by another transaction: both pass.
        if (errors.Any(e => e.ErrorCode is "REQUEST_LIMIT_EXCEEDED" or "UNABLE_TO_LOCK_ROW") || (int)response.StatusCode is 429 or >= 500)
            return new CrmWriteResult(CrmWriteStatus.Retry, RetryAfter: response.Headers.RetryAfter?.Delta
                ?? (errors.Any(e => e.ErrorCode == "REQUEST_LIMIT_EXCEEDED") ? OverLimitWait : null), Error: $"{(int)response.StatusCode} {summary}");
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in errors)
            foreach (var field in error.Fields.DefaultIfEmpty(""))
            {
                var canonical = SalesforceFields.CanonicalOf(field, custom);
                fieldErrors[canonical] = fieldErrors.TryGetValue(canonical, out var before) ? $"{before} {error.Message}" : error.Message;
            }
        if (fieldErrors.Count == 0) fieldErrors[SalesforceFields.WholeDeal] = $"Salesforce answered {(int)response.StatusCode}.";
        return new CrmWriteResult(CrmWriteStatus.Refused, FieldErrors: fieldErrors, Error: $"{(int)response.StatusCode} {summary}");
    }

    private async Task<CrmWriteResult> ConflictAsync(string id, string why, CancellationToken ct)
    {
        var stages = await org.StagesAsync(ct);
        var custom = SalesforceCustomFields.Of(api.Options);
        var page = await org.WithCurrencyAsync(multi => api.QueryAsync(SoqlQueries.Opportunity(id, multi, custom), all: false, isNext: false, ct));
        if (page.Records.Count == 0) return new CrmWriteResult(CrmWriteStatus.Gone, Error: "the opportunity is no longer in Salesforce");
        var row = SalesforceRows.Deal(page.Records[0], stages, custom);
        string[] shown = ["stage", "status", "amount", "close_date", "next_step", "forecast_category", "probability", "loss_reason", "discount"];
        return new CrmWriteResult(CrmWriteStatus.Conflict,
            ModifiedAt: SalesforceTime.Parse(row["source_modified_at"])?.UtcDateTime,
            Current: shown.Where(row.ContainsKey).ToDictionary(f => f, f => row[f], StringComparer.Ordinal),
            Error: why);
    }

    private async Task<DateTime?> ModifiedAtAsync(string id, CancellationToken ct)
    {
        using var response = await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, api.DataPath($"sobjects/Opportunity/{Uri.EscapeDataString(id)}?fields=LastModifiedDate")), ct);
        if (!response.IsSuccessStatusCode) return null;
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return SalesforceTime.Parse(SalesforceJson.Text(json.RootElement, "LastModifiedDate"))?.UtcDateTime;
        }
        catch (JsonException)
        {
            // Written all the same; the next sync brings the record's last-modified time.
            return null;
        }
    }

    private static string Short(string text) => text.Length <= 300 ? text : text[..300];
}

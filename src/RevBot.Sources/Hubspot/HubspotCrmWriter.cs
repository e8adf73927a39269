using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Core.Domain;
using RevBot.Sources.Sync;
using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// Writes a deal change to HubSpot. HubSpot has no conditional update, so the check is RevBot's: read the deal's
/// <c>hs_lastmodifieddate</c> first and write only when HubSpot has not changed it since RevBot's last sync; otherwise
/// answer <see cref="CrmWriteStatus.Conflict"/> with HubSpot's current values. (A change HubSpot already holds, as after
/// a retried write whose answer was lost, counts as written.) An activity becomes a note on the deal.
/// </summary>
internal sealed class HubspotCrmWriter(HubspotApi api) : ICrmWriter
{
    /// <summary>HubSpot's association type for a note on a deal.</summary>
    private const int NoteToDeal = 214;

    public SourceSystem System => SourceSystem.Hubspot;

    public async Task<CrmWriteResult> WriteDealAsync(CrmDealWrite write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await WriteAsync(write, ct);
        }
        catch (Exception e) when (e is HttpRequestException or SyncFailedException or JsonException
                                  || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new CrmWriteResult(CrmWriteStatus.Retry, Error: Short(e.Message));
        }
    }

    private async Task<CrmWriteResult> WriteAsync(CrmDealWrite write, CancellationToken ct)
    {
        var path = "crm/v3/objects/deals/" + Uri.EscapeDataString(write.ExternalId);
        var discount = api.Options.DiscountProperty;
        DateTime? modifiedAt = null;
        if (write.Fields.Count > 0)
        {
            var read = await api.SendAsync(HttpMethod.Get, $"{path}?properties={string.Join(',', HubspotRecords.DealPropertiesWith(discount))}", null, ct);
            if (read.Status == (int)HttpStatusCode.NotFound) return new CrmWriteResult(CrmWriteStatus.Gone);
            if (!read.Ok) return Failed(read, write.Fields, discount);
            using var currentDoc = JsonDocument.Parse(read.Body);
            var current = currentDoc.RootElement;
            var pipelines = await HubspotPipelines.ReadAsync(api, ct);
            var (properties, errors) = HubspotDealFields.ToProperties(write.Fields, current, pipelines, discount);
            if (errors.Count > 0) return new CrmWriteResult(CrmWriteStatus.Refused, FieldErrors: errors);
            var held = Time(Prop(current, "hs_lastmodifieddate"));
            var changedSince = write.ExpectedModifiedAt is not { } expected || held is null || Truncate(held.Value.UtcDateTime) > Truncate(expected);
            if (changedSince)
            {
                return HubspotDealFields.AlreadyHeld(properties, current)
                    ? new CrmWriteResult(CrmWriteStatus.Written, ModifiedAt: held?.UtcDateTime)
                    : new CrmWriteResult(CrmWriteStatus.Conflict, ModifiedAt: held?.UtcDateTime, Current: CurrentValues(current, pipelines, discount));
            }
            var body = new JsonObject { ["properties"] = Json(properties) };
            var patched = await api.SendAsync(HttpMethod.Patch, path, body, ct);
            if (patched.Status == (int)HttpStatusCode.NotFound) return new CrmWriteResult(CrmWriteStatus.Gone);
            if (!patched.Ok) return Failed(patched, write.Fields, discount);
            using var after = JsonDocument.Parse(patched.Body);
            modifiedAt = (Time(Prop(after.RootElement, "hs_lastmodifieddate")) ?? Time(Str(after.RootElement, "updatedAt")))?.UtcDateTime;
        }
        if (write.Activity is { } activity)
        {
            var note = await api.SendAsync(HttpMethod.Post, "crm/v3/objects/notes", await NoteAsync(write.ExternalId, activity, ct), ct);
            if (note.Status == (int)HttpStatusCode.NotFound) return new CrmWriteResult(CrmWriteStatus.Gone);
            if (!note.Ok) return Failed(note, write.Fields, discount);
        }
        return new CrmWriteResult(CrmWriteStatus.Written, ModifiedAt: modifiedAt);
    }

    /// <summary>A note on the deal: the activity's subject (with its kind when not itself a note), its time, its owner when HubSpot knows the email.</summary>
    private async Task<JsonObject> NoteAsync(string dealId, CrmActivity activity, CancellationToken ct)
    {
        var text = WebUtility.HtmlEncode(activity.Type is "note" ? activity.Subject : $"{activity.Type}: {activity.Subject}");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hs_timestamp"] = Canonical(new DateTimeOffset(DateTime.SpecifyKind(activity.OccurredAt, DateTimeKind.Utc))),
            ["hs_note_body"] = text,
        };
        if (activity.OwnerEmail is { Length: > 0 } email)
        {
            var owner = await api.SendAsync(HttpMethod.Get, "crm/v3/owners?limit=1&email=" + Uri.EscapeDataString(email), null, ct);
            if (owner.Ok)
            {
                using var doc = JsonDocument.Parse(owner.Body);
                if (Array(doc.RootElement, "results").FirstOrDefault() is { ValueKind: JsonValueKind.Object } found) properties["hubspot_owner_id"] = Id(found);
            }
        }
        return new JsonObject
        {
            ["properties"] = Json(properties),
            ["associations"] = new JsonArray(new JsonObject
            {
                ["to"] = new JsonObject { ["id"] = dealId },
                ["types"] = new JsonArray(new JsonObject { ["associationCategory"] = "HUBSPOT_DEFINED", ["associationTypeId"] = NoteToDeal }),
            }),
        };
    }

    private static CrmWriteResult Failed(HubspotAnswer answer, IReadOnlyDictionary<string, string?> fields, string? discountProperty)
    {
        if (answer.Status is 429 or >= 500)
            return new CrmWriteResult(CrmWriteStatus.Retry, RetryAfter: answer.RetryAfter, Error: $"HubSpot answered {answer.Status}{answer.Reason()}");
        if (answer.Status is 401 or 403)
            return new CrmWriteResult(CrmWriteStatus.Retry, Error: $"HubSpot refused the access token ({answer.Status}){answer.Reason()}");
        var errors = HubspotErrors.FieldErrors(answer.Body, fields, discountProperty);
        return new CrmWriteResult(CrmWriteStatus.Refused, FieldErrors: errors, Error: Short($"HubSpot answered {answer.Status}{answer.Reason()}"));
    }

    private static Dictionary<string, string?> CurrentValues(JsonElement current, HubspotPipelines pipelines, string? discountProperty)
    {
        var row = HubspotRecords.Deal(current, pipelines, new Dictionary<string, string>(), null, null, discountProperty);
        return HubspotDealFields.Shown.ToDictionary(f => f, f => row.GetValueOrDefault(f), StringComparer.Ordinal);
    }

    private static JsonObject Json(IReadOnlyDictionary<string, string> properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties) json[name] = value;
        return json;
    }

    /// <summary>HubSpot keeps milliseconds; RevBot's copy may hold more digits after a round trip through PostgreSQL.</summary>
    private static DateTime Truncate(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    private static string Short(string message) => message.Length <= 300 ? message : message[..300];
}

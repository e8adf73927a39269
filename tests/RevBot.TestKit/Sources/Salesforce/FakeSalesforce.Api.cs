using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace RevBot.Testing.Salesforce;

/// <summary>The fake's REST resources: query, queryAll and their next pages; an opportunity's PATCH and GET; a new Task.</summary>
public sealed partial class FakeSalesforce
{
    private static readonly string[] Writable = ["StageName", "Amount", "CloseDate", "NextStep", "ForecastCategoryName", "Probability", "Loss_Reason__c", "Discount__c"];

    private FakeSalesforceAnswer Api(HttpContext context, FakeSalesforceRequest request)
    {
        var prefix = $"/services/data/{ApiVersion}/";
        if (!request.Path.StartsWith(prefix, StringComparison.Ordinal)) return Errors(404, "NOT_FOUND", "The requested resource does not exist");
        var rest = request.Path[prefix.Length..];
        if (request.Method == "GET" && (rest == "query" || rest == "queryAll")) return Query(request, rest == "queryAll");
        if (request.Method == "GET" && NextPage().Match(rest) is { Success: true } next) return Page(next.Groups[1].Value, int.Parse(next.Groups[2].Value, CultureInfo.InvariantCulture));
        if (SObject().Match(rest) is { Success: true } m)
        {
            var record = Store.Find(m.Groups["id"].Value);
            if (record is null || record.Type != m.Groups["type"].Value) return Errors(404, "NOT_FOUND", "The requested resource does not exist");
            if (record.IsDeleted) return Errors(404, "ENTITY_IS_DELETED", "entity is deleted");
            if (request.Method == "GET") return FakeSalesforceAnswer.Json(Serialize(record, context.Request.Query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries)));
            if (request.Method == "PATCH") return Patch(record, request);
        }
        if (request.Method == "POST" && rest == "sobjects/Task") return NewTask(request);
        return Errors(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private FakeSalesforceAnswer Query(FakeSalesforceRequest request, bool all)
    {
        if (FakeSoql.TryParse(request.Soql ?? "", out var error) is not { } query) return Errors(400, "MALFORMED_QUERY", error ?? "malformed");
        if (!MultiCurrency && query.Fields.Contains("CurrencyIsoCode"))
            return Errors(400, "INVALID_FIELD", $"\nSELECT Id, CurrencyIsoCode FROM {query.Object}\n       ^\nERROR at Row:1:Column:12\nNo such column 'CurrencyIsoCode' on entity '{query.Object}'.");
        var candidates = query is { Object: "OpportunityHistory", InCondition: ("OpportunityId", var ids) } ? Store.HistoryOf(ids) : Store.OfType(query.Object);
        var matched = query.Run(candidates, all);
        var size = PageSize;
        if (BatchSize().Match(request.QueryOptions) is { Success: true } b) size = Math.Min(size, int.Parse(b.Groups[1].Value, CultureInfo.InvariantCulture));
        var locator = NewCursor(matched);
        _querySizes[locator] = (size, query.Fields);
        Locators.Enqueue((query.Object, locator));
        return Page(locator, 0);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Size, IReadOnlyList<string> Fields)> _querySizes = new(StringComparer.Ordinal);

    /// <summary>Each query's object and query locator, in order (a test fails one query's later page by its locator).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Object, string Locator)> Locators { get; } = new();

    private FakeSalesforceAnswer Page(string locator, int offset)
    {
        if (TakeCursor(locator) is not { } matched || !_querySizes.TryGetValue(locator, out var shape))
            return Errors(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        var page = matched.Skip(offset).Take(shape.Size).ToList();
        var done = offset + page.Count >= matched.Count;
        var answer = new JsonObject
        {
            ["totalSize"] = matched.Count,
            ["done"] = done,
            ["records"] = new JsonArray([.. page.Select(r => (JsonNode)Serialize(r, shape.Fields))]),
        };
        if (!done) answer["nextRecordsUrl"] = $"/services/data/{ApiVersion}/query/{locator}-{offset + page.Count}";
        return FakeSalesforceAnswer.Json(answer);
    }

    private FakeSalesforceAnswer Patch(FakeRecord record, FakeSalesforceRequest request)
    {
        if (request.IfUnmodifiedSince is { } since)
        {
            if (!DateTimeOffset.TryParseExact(since, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return Errors(400, "INVALID_HEADER", "If-Unmodified-Since is not an HTTP date");
            // HTTP dates have whole seconds: the record counts as modified after them only from the next second on.
            var modified = (DateTimeOffset)record.Fields["LastModifiedDate"]!;
            if (modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond)) > at) return new FakeSalesforceAnswer(412, "");
        }
        JsonObject body;
        try
        {
            body = JsonNode.Parse(request.Body)!.AsObject();
        }
        catch (JsonException)
        {
            return Errors(400, "JSON_PARSER_ERROR", "malformed JSON");
        }
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (field, value) in body)
        {
            if (!Writable.Contains(field)) return Errors(400, "INVALID_FIELD_FOR_INSERT_UPDATE", $"Unable to create/update fields: {field}.", field);
            changes[field] = field switch
            {
                "Amount" or "Probability" or "Discount__c" => value?.GetValue<decimal>(),
                "CloseDate" => value is null ? null : DateOnly.ParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => value?.GetValue<string>(),
            };
        }
        if (changes.TryGetValue("StageName", out var stage) && !Store.Live("OpportunityStage").Any(s => Equals(s.Fields["MasterLabel"], stage)))
            return Errors(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"Stage: bad value for restricted picklist field: {stage}", "StageName");
        Store.Update(record.Id, changes);
        return new FakeSalesforceAnswer(204, "");
    }

    private FakeSalesforceAnswer NewTask(FakeSalesforceRequest request)
    {
        var body = JsonNode.Parse(request.Body)!.AsObject();
        var fields = body.ToDictionary(p => p.Key, p => (object?)(p.Key == "ActivityDate" && p.Value is not null
            ? DateOnly.ParseExact(p.Value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : p.Value?.GetValue<string>()));
        if (fields.GetValueOrDefault("WhatId") is string what && Store.Find(what) is { } parent) fields["AccountId"] = parent.Fields.GetValueOrDefault("AccountId");
        var task = Store.Add("Task", fields);
        return new FakeSalesforceAnswer(201, new JsonObject { ["id"] = task.Id, ["success"] = true, ["errors"] = new JsonArray() }.ToJsonString());
    }

    /// <summary>A record as Salesforce writes it: attributes, then the selected fields; "Owner.Email" nested under "Owner".</summary>
    private static JsonObject Serialize(FakeRecord record, IReadOnlyList<string> fields)
    {
        var json = new JsonObject { ["attributes"] = Attributes(record.Type, record.Id) };
        foreach (var field in fields)
        {
            var dot = field.IndexOf('.');
            if (dot < 0)
            {
                json[field] = Value(record[field]);
                continue;
            }
            var relation = field[..dot];
            if (record.Fields.GetValueOrDefault(field) is not { } value) json[relation] ??= null;
            else
            {
                if (json[relation] is not JsonObject related) json[relation] = related = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "User" } };
                related[field[(dot + 1)..]] = Value(value);
            }
        }
        return json;
    }

    private static JsonObject Attributes(string type, string id) => new() { ["type"] = type, ["url"] = $"/services/data/{ApiVersion}/sobjects/{type}/{id}" };

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => s,
        bool b => b,
        decimal d => d,
        int i => i,
        _ => value.ToString(),
    };

    [GeneratedRegex(@"^query/(01gFAKE\d+)-(\d+)$")]
    private static partial Regex NextPage();

    [GeneratedRegex(@"^sobjects/(?<type>\w+)/(?<id>[A-Za-z0-9]+)$")]
    private static partial Regex SObject();

    [GeneratedRegex(@"batchSize=(\d+)")]
    private static partial Regex BatchSize();
}

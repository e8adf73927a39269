using System.Net;
using System.Text.Json;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// What RevBot learns about the org once per process: its opportunity stages (which are won or lost, their default
/// probability, the first won and lost stage to write for a status) and whether multi-currency is on (a query naming
/// CurrencyIsoCode fails with INVALID_FIELD when it is off).
/// </summary>
public sealed class SalesforceOrg(SalesforceApi api)
{
    private IReadOnlyList<SalesforceStage>? _stages;

    /// <summary>Null until the first opportunity query answers.</summary>
    public bool? MultiCurrency { get; private set; }

    public async Task<IReadOnlyList<SalesforceStage>> StagesAsync(CancellationToken ct, bool reload = false)
    {
        if (_stages is { } known && !reload) return known;
        var stages = new List<SalesforceStage>();
        for (var page = await api.QueryAsync(SoqlQueries.Stages, all: false, isNext: false, ct); ; page = await api.QueryAsync(page.NextUrl!, false, true, ct))
        {
            stages.AddRange(page.Records.Select(r => new SalesforceStage(
                SalesforceJson.Text(r, "MasterLabel") ?? "", SalesforceJson.Bool(r, "IsActive"), SalesforceJson.Bool(r, "IsClosed"),
                SalesforceJson.Bool(r, "IsWon"), SalesforceJson.Number(r, "DefaultProbability"), SalesforceJson.Text(r, "ForecastCategoryName"))));
            if (page.NextUrl is null) break;
        }
        return _stages = stages;
    }

    /// <summary>Runs an opportunity query with CurrencyIsoCode when the org may have it, and without once it is known not to.</summary>
    public async Task<T> WithCurrencyAsync<T>(Func<bool, Task<T>> query)
    {
        if (MultiCurrency is { } known) return await query(known);
        try
        {
            var result = await query(true);
            MultiCurrency = true;
            return result;
        }
        catch (SalesforceException e) when (e.StatusCode == HttpStatusCode.BadRequest
                                            && e.Errors.Any(x => x.ErrorCode == "INVALID_FIELD" && x.Message.Contains("CurrencyIsoCode", StringComparison.Ordinal)))
        {
            MultiCurrency = false;
            return await query(false);
        }
    }
}

/// <summary>One OpportunityStage picklist value with its meaning.</summary>
public sealed record SalesforceStage(string Label, bool Active, bool Closed, bool Won, decimal? DefaultProbability, string? ForecastCategory);

/// <summary>Reading fields of Salesforce's JSON records, relationship fields ("Owner.Email") included.</summary>
public static class SalesforceJson
{
    public static JsonElement? Field(JsonElement record, string path)
    {
        var current = record;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next) || next.ValueKind == JsonValueKind.Null) return null;
            current = next;
        }
        return current;
    }

    public static string? Text(JsonElement record, string path) => Field(record, path) is { } v
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(), _ => null }
        : null;

    public static bool Bool(JsonElement record, string path) => Field(record, path) is { ValueKind: JsonValueKind.True };

    public static decimal? Number(JsonElement record, string path) => Field(record, path) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
}

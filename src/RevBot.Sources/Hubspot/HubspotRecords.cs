using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// HubSpot records as canonical rows (docs/sources.md has the table). Ids become "hubspot:{id}"; owners are named by
/// their email; times keep HubSpot's millisecond precision.
/// </summary>
internal static partial class HubspotRecords
{
    public static readonly string[] CompanyProperties =
        ["name", "domain", "industry", "country", "numberofemployees", "hubspot_owner_id", "createdate", "hs_lastmodifieddate"];

    public static readonly string[] ContactProperties =
        ["firstname", "lastname", "email", "jobtitle", "phone", "associatedcompanyid", "createdate", "lastmodifieddate"];

    public static readonly string[] DealProperties =
    [
        "dealname", "amount", "deal_currency_code", "dealstage", "pipeline", "closedate", "createdate", "hubspot_owner_id", "dealtype",
        "hs_deal_stage_probability", "hs_forecast_probability", "hs_next_step", "closed_lost_reason", "hs_manual_forecast_category", "hs_lastmodifieddate",
    ];

    /// <summary>The deal properties read, with the configured discount property (<see cref="HubspotOptions.DiscountProperty"/>).</summary>
    public static string[] DealPropertiesWith(string? discountProperty) => discountProperty is null ? DealProperties : [.. DealProperties, discountProperty];

    /// <summary>The engagement objects read as activities, with their canonical type and the property that names them.</summary>
    public static readonly (string Object, string Type, string Title)[] Engagements =
    [
        ("calls", "call", "hs_call_title"), ("emails", "email", "hs_email_subject"),
        ("meetings", "meeting", "hs_meeting_title"), ("notes", "note", "hs_note_body"),
    ];

    private const int MaxSubject = 500;

    public static string Key(string id) => SourceIds.Of(SourceSystem.Hubspot, id);

    public static Dictionary<string, string?> Company(JsonElement c, IReadOnlyDictionary<string, string> owners) => new()
    {
        ["account_id"] = Key(Id(c)),
        ["name"] = Prop(c, "name") ?? Prop(c, "domain") ?? $"HubSpot company {Id(c)}",
        ["domain"] = Prop(c, "domain"),
        ["industry"] = Prop(c, "industry"),
        ["country"] = Prop(c, "country"),
        ["employees"] = Number(Prop(c, "numberofemployees")) is { } n ? decimal.ToInt64(decimal.Truncate(n)).ToString(CultureInfo.InvariantCulture) : null,
        ["owner_email"] = Owner(c, owners),
        ["created_at"] = When(Prop(c, "createdate")),
    };

    public static Dictionary<string, string?> Contact(JsonElement c) => new()
    {
        ["contact_id"] = Key(Id(c)),
        ["account_id"] = Prop(c, "associatedcompanyid") is { } company ? Key(company) : null,
        ["first_name"] = Prop(c, "firstname"),
        ["last_name"] = Prop(c, "lastname"),
        ["email"] = Prop(c, "email"),
        ["title"] = Prop(c, "jobtitle"),
        ["phone"] = Prop(c, "phone"),
        ["created_at"] = When(Prop(c, "createdate")),
    };

    /// <summary>A deal's row; <paramref name="stageEnteredAt"/> is when it entered its current stage (from its history).</summary>
    public static Dictionary<string, string?> Deal(
        JsonElement d, HubspotPipelines pipelines, IReadOnlyDictionary<string, string> owners, string? companyId, DateTimeOffset? stageEnteredAt,
        string? discountProperty = null)
    {
        var stageId = Prop(d, "dealstage");
        var stage = pipelines.Stage(stageId);
        var status = stage?.Status ?? "open";
        var closeDate = Time(Prop(d, "closedate"));
        // The forecast probability is the one people set (and write-back writes); the stage's is HubSpot's default.
        var probability = Number(Prop(d, "hs_forecast_probability")) ?? Number(Prop(d, "hs_deal_stage_probability")) ?? stage?.Probability;
        return new Dictionary<string, string?>
        {
            ["deal_id"] = Key(Id(d)),
            ["name"] = Prop(d, "dealname"),
            ["account_id"] = companyId is null ? null : Key(companyId),
            ["owner_email"] = Owner(d, owners),
            // HubSpot lets a deal have no amount; RevBot's deals always have one, so none counts as zero.
            ["amount"] = Number(Prop(d, "amount")) is { } amount ? Math.Max(0, amount).ToString(CultureInfo.InvariantCulture) : "0",
            ["currency"] = Prop(d, "deal_currency_code"),
            ["stage"] = stage?.Label ?? stageId,
            ["status"] = status,
            ["type"] = DealType(Prop(d, "dealtype")),
            ["created_at"] = When(Prop(d, "createdate")),
            ["close_date"] = closeDate?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["closed_at"] = status == "open" ? null : Canonical(closeDate ?? stageEnteredAt ?? Time(Prop(d, "hs_lastmodifieddate")) ?? DateTimeOffset.UnixEpoch),
            ["loss_reason"] = Prop(d, "closed_lost_reason"),
            ["forecast_category"] = Forecast(Prop(d, "hs_manual_forecast_category")),
            ["probability"] = probability is { } p ? ((int)Math.Round(Math.Clamp(p, 0m, 1m) * 100m)).ToString(CultureInfo.InvariantCulture) : null,
            ["next_step"] = Prop(d, "hs_next_step"),
            // A number property holding 12.5 for 12.5%, as deals.csv does.
            ["discount"] = discountProperty is not null && Number(Prop(d, discountProperty)) is { } off ? off.ToString(CultureInfo.InvariantCulture) : null,
            ["source_modified_at"] = When(Prop(d, "hs_lastmodifieddate")),
        };
    }

    public static Dictionary<string, string?> Engagement(
        JsonElement e, string type, string titleProperty, IReadOnlyDictionary<string, string> owners, string? dealId, string? companyId) => new()
        {
            ["activity_id"] = Key(Id(e)),
            ["type"] = type,
            ["occurred_at"] = When(Prop(e, "hs_timestamp") ?? Prop(e, "hs_createdate") ?? Str(e, "createdAt")),
            ["deal_id"] = dealId is null ? null : Key(dealId),
            ["account_id"] = companyId is null ? null : Key(companyId),
            ["user_email"] = Owner(e, owners),
            ["subject"] = Subject(Prop(e, titleProperty)),
        };

    public static string? DealType(string? hubspot) => hubspot?.ToLowerInvariant() switch
    {
        null => null,
        "newbusiness" => "new",
        "existingbusiness" => "expansion",
        var t when t.Contains("renew", StringComparison.Ordinal) => "renewal",
        _ => null,
    };

    /// <summary>HubSpot's forecast category (OMIT, PIPELINE, BEST_CASE, COMMIT, CLOSED) as RevBot's; CLOSED is told by the status.</summary>
    public static string? Forecast(string? hubspot) => hubspot?.ToUpperInvariant() switch
    {
        "OMIT" => EnumText.Format(ForecastCategory.Omitted),
        "PIPELINE" => EnumText.Format(ForecastCategory.Pipeline),
        "BEST_CASE" => EnumText.Format(ForecastCategory.BestCase),
        "COMMIT" => EnumText.Format(ForecastCategory.Commit),
        _ => null,
    };

    private static string? Owner(JsonElement record, IReadOnlyDictionary<string, string> owners) =>
        Prop(record, "hubspot_owner_id") is { } id && owners.TryGetValue(id, out var email) ? email : null;

    private static string? When(string? text) => Time(text) is { } t ? Canonical(t) : null;

    /// <summary>A note's body is HTML: the subject is its text, cut to the column's length.</summary>
    private static string? Subject(string? text)
    {
        if (text is null) return null;
        var plain = Spaces().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(text, " ")), " ").Trim();
        return plain.Length == 0 ? null : plain.Length <= MaxSubject ? plain : plain[..(MaxSubject - 1)] + "…";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

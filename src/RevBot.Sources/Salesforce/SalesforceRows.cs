using System.Globalization;
using System.Text.Json;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using static RevBot.Sources.Salesforce.SalesforceJson;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// Salesforce records as canonical rows (docs/sources.md has the table). Ids become "salesforce:&lt;18-char id&gt;"; a
/// closed opportunity's CloseDate is when it was won or lost; Salesforce's own names for types and forecast categories
/// are read into RevBot's.
/// </summary>
public static class SalesforceRows
{
    public static string Id(string salesforceId) => SourceIds.Of(SourceSystem.Salesforce, salesforceId);

    public static string? IdOf(JsonElement record, string field) => Text(record, field) is { Length: > 0 } id ? Id(id) : null;

    public static Dictionary<string, string?> Account(JsonElement r) => new()
    {
        ["account_id"] = IdOf(r, "Id"),
        ["name"] = Text(r, "Name"),
        ["domain"] = Domain(Text(r, "Website")),
        ["industry"] = Text(r, "Industry"),
        ["country"] = Text(r, "BillingCountry"),
        ["employees"] = Text(r, "NumberOfEmployees"),
        ["owner_email"] = Text(r, "Owner.Email"),
        ["created_at"] = SalesforceTime.Canonical(Text(r, "CreatedDate")),
    };

    public static Dictionary<string, string?> Contact(JsonElement r) => new()
    {
        ["contact_id"] = IdOf(r, "Id"),
        ["account_id"] = IdOf(r, "AccountId"),
        ["first_name"] = Text(r, "FirstName"),
        ["last_name"] = Text(r, "LastName"),
        ["email"] = Text(r, "Email"),
        ["title"] = Text(r, "Title"),
        ["phone"] = Text(r, "Phone"),
        ["created_at"] = SalesforceTime.Canonical(Text(r, "CreatedDate")),
    };

    public static Dictionary<string, string?> Deal(JsonElement r, IReadOnlyList<SalesforceStage> stages, SalesforceCustomFields custom)
    {
        var closed = Bool(r, "IsClosed");
        var stageName = Text(r, "StageName");
        var stage = stages.FirstOrDefault(s => s.Label == stageName);
        var probability = Number(r, "Probability") ?? stage?.DefaultProbability;
        return new Dictionary<string, string?>
        {
            ["deal_id"] = IdOf(r, "Id"),
            ["name"] = Text(r, "Name"),
            ["account_id"] = IdOf(r, "AccountId"),
            ["owner_email"] = Text(r, "Owner.Email"),
            // An opportunity may have no amount yet; RevBot's deals always have one.
            ["amount"] = (Number(r, "Amount") ?? 0m).ToString(CultureInfo.InvariantCulture),
            ["currency"] = Text(r, "CurrencyIsoCode"),
            ["stage"] = stageName,
            ["status"] = !closed ? "open" : Bool(r, "IsWon") ? "won" : "lost",
            ["type"] = DealType(Text(r, "Type")),
            ["source"] = Text(r, "LeadSource"),
            ["created_at"] = SalesforceTime.Canonical(Text(r, "CreatedDate")),
            ["close_date"] = Text(r, "CloseDate"),
            ["closed_at"] = closed ? SalesforceTime.NoonOf(Text(r, "CloseDate")) : null,
            ["loss_reason"] = custom.LossReason is null ? null : Text(r, custom.LossReason),
            // A Percent field holds 12.5 for 12.5%, as deals.csv does.
            ["discount"] = custom.Discount is null ? null : Number(r, custom.Discount)?.ToString(CultureInfo.InvariantCulture),
            ["forecast_category"] = SalesforceForecast.ToCanonical(Text(r, "ForecastCategoryName")),
            ["probability"] = probability is { } p ? Math.Round(p, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) : null,
            ["next_step"] = Text(r, "NextStep"),
            ["source_modified_at"] = SalesforceTime.Canonical(Text(r, "LastModifiedDate")),
        };
    }

    public static Dictionary<string, string?> Task(JsonElement r) => Activity(r, TaskType(Text(r, "TaskSubtype")),
        Text(r, "ActivityDate") is { } day ? SalesforceTime.NoonOf(day) : SalesforceTime.Canonical(Text(r, "CreatedDate")));

    public static Dictionary<string, string?> Event(JsonElement r) => Activity(r, "meeting", SalesforceTime.Canonical(Text(r, "StartDateTime")));

    /// <summary>Salesforce's Type picklist: upgrades are expansion, renewals and replacements renewal, the rest new business.</summary>
    public static string DealType(string? type) => type switch
    {
        null => "new",
        _ when type.Contains("Upgrade", StringComparison.OrdinalIgnoreCase) || type.Contains("Expansion", StringComparison.OrdinalIgnoreCase) => "expansion",
        _ when type.Contains("Renewal", StringComparison.OrdinalIgnoreCase) || type.Contains("Replacement", StringComparison.OrdinalIgnoreCase)
               || type.Contains("Downgrade", StringComparison.OrdinalIgnoreCase) => "renewal",
        _ => "new",
    };

    private static Dictionary<string, string?> Activity(JsonElement r, string type, string? occurredAt)
    {
        var what = Text(r, "WhatId");
        return new Dictionary<string, string?>
        {
            ["activity_id"] = IdOf(r, "Id"),
            ["type"] = type,
            ["occurred_at"] = occurredAt,
            // Opportunity ids start 006; a task on another object (a case, a campaign) keeps only its account.
            ["deal_id"] = what is not null && what.StartsWith("006", StringComparison.Ordinal) ? Id(what) : null,
            ["account_id"] = IdOf(r, "AccountId"),
            ["user_email"] = Text(r, "Owner.Email"),
            ["subject"] = Text(r, "Subject"),
        };
    }

    private static string TaskType(string? subtype) => subtype switch
    {
        "Call" => "call",
        "Email" or "ListEmail" => "email",
        _ => "task",
    };

    private static string? Domain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website)) return null;
        var text = website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// Every SOQL statement RevBot sends, built here and nowhere else (the conformance test parses each one the connector
/// sends with Salesforce's community SOQL parser). Values in a statement are only ids Salesforce gave (checked against
/// the id alphabet) and timestamps RevBot formats, so no text from a user ever reaches a query.
/// </summary>
public static partial class SoqlQueries
{
    /// <summary>The objects read incrementally, parents first, with their fields (CurrencyIsoCode added when the org is multi-currency).</summary>
    public static readonly IReadOnlyList<string> Objects = ["Account", "Contact", "Opportunity", "Task", "Event"];

    /// <summary>The objects whose deleted records are looked for (accounts stay: deals and history refer to them).</summary>
    public static readonly IReadOnlyList<string> Deletable = ["Contact", "Opportunity", "Task", "Event"];

    public const string Stages =
        "SELECT MasterLabel, IsActive, IsClosed, IsWon, DefaultProbability, ForecastCategoryName, SortOrder FROM OpportunityStage ORDER BY SortOrder ASC";

    /// <summary>Records of <paramref name="sObject"/> changed after <paramref name="cursor"/> (all when null), oldest first.</summary>
    public static string Changed(string sObject, SalesforceCursor? cursor, bool multiCurrency, SalesforceCustomFields custom) =>
        $"SELECT {string.Join(", ", Fields(sObject, multiCurrency, custom))} FROM {sObject}{After(cursor, "WHERE")} ORDER BY SystemModstamp ASC, Id ASC";

    /// <summary>Deleted records of <paramref name="sObject"/> (sent to queryAll) after <paramref name="cursor"/>.</summary>
    public static string Deleted(string sObject, SalesforceCursor? cursor) =>
        $"SELECT Id, SystemModstamp FROM {sObject} WHERE IsDeleted = true{After(cursor, "AND")} ORDER BY SystemModstamp ASC, Id ASC";

    /// <summary>The stage history of some opportunities, each in time order.</summary>
    public static string History(IEnumerable<string> opportunityIds) =>
        $"SELECT OpportunityId, StageName, CreatedDate FROM OpportunityHistory WHERE OpportunityId IN ({string.Join(", ", opportunityIds.Select(Id))}) ORDER BY OpportunityId ASC, CreatedDate ASC";

    /// <summary>One opportunity's fields as the writer compares them after a conflict.</summary>
    public static string Opportunity(string id, bool multiCurrency, SalesforceCustomFields custom) =>
        $"SELECT {string.Join(", ", Fields("Opportunity", multiCurrency, custom))} FROM Opportunity WHERE Id = {Id(id)}";

    public static IReadOnlyList<string> Fields(string sObject, bool multiCurrency, SalesforceCustomFields custom)
    {
        IReadOnlyList<string> fields = sObject switch
        {
            "Account" => ["Id", "Name", "Website", "Industry", "BillingCountry", "NumberOfEmployees", "Owner.Email", "CreatedDate", "SystemModstamp"],
            "Contact" => ["Id", "AccountId", "FirstName", "LastName", "Email", "Title", "Phone", "CreatedDate", "SystemModstamp"],
            "Opportunity" =>
            [
                "Id", "Name", "AccountId", "Owner.Email", "Amount", "StageName", "CloseDate", "IsClosed", "IsWon", "Probability",
                "ForecastCategoryName", "Type", "LeadSource", "NextStep", "CreatedDate", "LastModifiedDate", "SystemModstamp",
                .. multiCurrency ? ["CurrencyIsoCode"] : Array.Empty<string>(), .. custom.Selected,
            ],
            "Task" => ["Id", "Subject", "TaskSubtype", "ActivityDate", "CreatedDate", "WhatId", "AccountId", "Owner.Email", "SystemModstamp"],
            "Event" => ["Id", "Subject", "StartDateTime", "WhatId", "AccountId", "Owner.Email", "SystemModstamp"],
            _ => throw new ArgumentException($"RevBot does not read {sObject}", nameof(sObject)),
        };
        return fields;
    }

    /// <summary>SOQL's datetime literal (unquoted, UTC, milliseconds).</summary>
    public static string DateTimeLiteral(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// After the cursor in (SystemModstamp, Id) order: records stamped later, or at the same instant with a later id, so a
    /// run that stopped between two records of one millisecond neither skips nor repeats one.
    /// </summary>
    private static string After(SalesforceCursor? cursor, string keyword) => cursor is null ? "" :
        $" {keyword} (SystemModstamp > {DateTimeLiteral(cursor.Stamp)} OR (SystemModstamp = {DateTimeLiteral(cursor.Stamp)} AND Id > {Id(cursor.Id)}))";

    /// <summary>A quoted Salesforce id; anything else is refused rather than escaped.</summary>
    private static string Id(string id) =>
        IdPattern().IsMatch(id) ? $"'{id}'" : throw new ArgumentException($"'{id}' is not a Salesforce id", nameof(id));

    [GeneratedRegex("^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")]
    private static partial Regex IdPattern();
}

using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Sources;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>How the write-back texts name a system ("HubSpot") and list a CRM's field errors ("Amount: must be positive").</summary>
internal static class CrmNames
{
    public static string Of(SourceSystem system, string language) => system switch
    {
        SourceSystem.Hubspot => Texts.Get(language, nameof(Catalog.CrmNameHubspot)),
        SourceSystem.Salesforce => Texts.Get(language, nameof(Catalog.CrmNameSalesforce)),
        _ => Texts.Get(language, nameof(Catalog.CrmNameStripe)),
    };

    /// <summary>Each refused field by its label in <paramref name="language"/>, with the CRM's own words (or RevBot's, <see cref="CrmOwnError"/>).</summary>
    public static string Errors(IReadOnlyDictionary<string, string>? errors, string language) =>
        errors is null || errors.Count == 0
            ? Texts.Get(language, nameof(Catalog.CrmWriteNoReason))
            : string.Join("; ", errors.Select(e => Texts.Get(language, nameof(Catalog.CrmWriteFieldError), DealText.FieldLabel(CrmFields.DealField(e.Key), language), CrmOwnError.Read(e.Value, language))));
}

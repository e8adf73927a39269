using System.Globalization;
using System.Text.Json.Nodes;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Localization;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// The deal fields RevBot writes back, canonical name ↔ Opportunity field, and their values in Salesforce's JSON.
/// A status has no field of its own: Salesforce derives it from the stage, so "won" or "lost" is written as the org's
/// first active won or lost stage unless the change names a stage itself.
/// </summary>
public static class SalesforceFields
{
    /// <summary>The field errors of a validation rule that names no field are shown against the whole deal.</summary>
    public const string WholeDeal = "deal";

    public static string? FieldOf(string canonical, SalesforceCustomFields custom) => canonical switch
    {
        "stage" or "status" => "StageName",
        "amount" => "Amount",
        "close_date" => "CloseDate",
        "next_step" => "NextStep",
        "forecast_category" => "ForecastCategoryName",
        "probability" => "Probability",
        "loss_reason" => custom.LossReason,
        "discount" => custom.Discount,
        _ => null,
    };

    public static string CanonicalOf(string field, SalesforceCustomFields custom) => field switch
    {
        "StageName" => "stage",
        "Amount" => "amount",
        "CloseDate" => "close_date",
        "NextStep" => "next_step",
        "ForecastCategoryName" => "forecast_category",
        "Probability" => "probability",
        _ when field == custom.LossReason => "loss_reason",
        _ when field == custom.Discount => "discount",
        _ => WholeDeal,
    };

    /// <summary>
    /// The PATCH body, or the field errors that stop it before it is sent (a field the org has no place for): RevBot's own
    /// words, told in the requester's language (<see cref="CrmOwnError"/>).
    /// </summary>
    public static (JsonObject? Body, Dictionary<string, string> Errors) Body(IReadOnlyDictionary<string, string?> fields, IReadOnlyList<SalesforceStage> stages, SalesforceCustomFields custom)
    {
        var body = new JsonObject();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, value) in fields)
        {
            if (canonical == "status") continue;
            if (FieldOf(canonical, custom) is not { } field)
            {
                errors[canonical] = CrmOwnError.Of(canonical switch
                {
                    "loss_reason" => nameof(Catalog.CrmSalesforceNoLossReasonField),
                    "discount" => nameof(Catalog.CrmSalesforceNoDiscountField),
                    _ => nameof(Catalog.CrmSalesforceNoField),
                });
                continue;
            }
            body[field] = Value(canonical, value);
        }
        if (fields.TryGetValue("status", out var status) && !fields.ContainsKey("stage"))
        {
            var stage = status switch
            {
                "won" => stages.FirstOrDefault(s => s.Active && s.Won),
                "lost" => stages.FirstOrDefault(s => s.Active && s.Closed && !s.Won),
                _ => null,
            };
            if (stage is null) errors["status"] = CrmOwnError.Of(nameof(Catalog.CrmSalesforceStatusFromStage));
            else body["StageName"] = stage.Label;
        }
        return (errors.Count == 0 ? body : null, errors);
    }

    private static JsonNode? Value(string canonical, string? value)
    {
        if (value is null) return null;
        return canonical switch
        {
            "amount" or "probability" or "discount" => decimal.Parse(value, CultureInfo.InvariantCulture),
            "forecast_category" => SalesforceForecast.ToSalesforce(value),
            _ => value,
        };
    }
}

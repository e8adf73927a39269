using System.Globalization;
using System.Text.Json;
using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// Canonical deal fields as HubSpot deal properties, for write-back: the stage by its label in the deal's own pipeline,
/// won/lost as that pipeline's closing stage, money and dates in HubSpot's formats. The reverse names HubSpot's field
/// errors by the canonical field the user edited.
/// </summary>
internal static class HubspotDealFields
{
    private static readonly Dictionary<string, string> PropertyOf = new(StringComparer.Ordinal)
    {
        ["amount"] = "amount", ["close_date"] = "closedate", ["next_step"] = "hs_next_step", ["loss_reason"] = "closed_lost_reason",
        ["forecast_category"] = "hs_manual_forecast_category", ["probability"] = "hs_forecast_probability",
    };

    /// <summary>The canonical fields a conflict shows, as deals.csv names them.</summary>
    public static readonly string[] Shown = ["stage", "status", "amount", "close_date", "next_step", "loss_reason", "forecast_category", "probability", "discount"];

    /// <summary>The properties (and errors, by canonical field) for a change of <paramref name="fields"/> on the deal as HubSpot has it now.</summary>
    public static (Dictionary<string, string> Properties, Dictionary<string, string> Errors) ToProperties(
        IReadOnlyDictionary<string, string?> fields, JsonElement current, HubspotPipelines pipelines, string? discountProperty)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var pipeline = Prop(current, "pipeline") ?? "default";
        fields.TryGetValue("status", out var status);
        if (fields.TryGetValue("stage", out var stageLabel) && stageLabel is not null)
        {
            if (pipelines.ByLabel(pipeline, stageLabel) is not { } stage)
                errors["stage"] = $"HubSpot has no stage \"{stageLabel}\" in the pipeline \"{pipelines.PipelineLabel(pipeline)}\".";
            else if (status is not null && stage.Status != status)
                errors["status"] = $"The stage \"{stage.Label}\" is {stage.Status} in HubSpot, not {status}.";
            else properties["dealstage"] = stage.Id;
        }
        else if (status is "won" or "lost")
        {
            if (pipelines.ClosingStage(pipeline, status) is { } closing) properties["dealstage"] = closing.Id;
            else errors["status"] = $"The pipeline \"{pipelines.PipelineLabel(pipeline)}\" has no {status} stage in HubSpot.";
        }
        else if (status == "open" && pipelines.Stage(Prop(current, "dealstage"))?.Status is "won" or "lost")
            errors["status"] = "Choose the open stage to reopen the deal at.";

        foreach (var (field, value) in fields)
        {
            if (field is "stage" or "status") continue;
            if (field == "discount")
            {
                // The discount lives in a custom property only the settings name.
                if (discountProperty is null) errors[field] = "HubSpot has no discount property set up for RevBot (Sources:Hubspot:DiscountProperty).";
                else properties[discountProperty] = value is null ? "" : Format(field, value);
                continue;
            }
            if (!PropertyOf.TryGetValue(field, out var property))
            {
                errors[field] = "RevBot does not write this field to HubSpot.";
                continue;
            }
            properties[property] = value is null ? "" : Format(field, value);
        }
        return (properties, errors);
    }

    /// <summary>True when HubSpot already holds every value (a retried write it has already taken).</summary>
    public static bool AlreadyHeld(IReadOnlyDictionary<string, string> properties, JsonElement current) =>
        properties.All(p => Same(Prop(current, p.Key), p.Value));

    /// <summary>The canonical field a HubSpot property is; the property's own name for one RevBot does not map.</summary>
    public static string FieldOf(string property, IReadOnlyDictionary<string, string?> fields, string? discountProperty = null) =>
        property == discountProperty ? "discount"
        : property == "dealstage" ? (fields.ContainsKey("stage") || !fields.ContainsKey("status") ? "stage" : "status")
        : PropertyOf.FirstOrDefault(p => p.Value == property).Key ?? property;

    private static string Format(string field, string value) => field switch
    {
        "amount" or "discount" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) => amount.ToString(CultureInfo.InvariantCulture),
        "close_date" when DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000Z",
        "probability" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) => (p / 100m).ToString("0.####", CultureInfo.InvariantCulture),
        "forecast_category" => value.Replace('-', '_').ToUpperInvariant() switch { "OMITTED" => "OMIT", var f => f },
        _ => value,
    };

    private static bool Same(string? held, string wanted)
    {
        if (string.IsNullOrEmpty(held) || wanted.Length == 0) return string.IsNullOrEmpty(held) == (wanted.Length == 0);
        if (Number(held) is { } a && Number(wanted) is { } b) return a == b;
        if (Time(held) is { } t1 && Time(wanted) is { } t2) return t1 == t2;
        return string.Equals(held, wanted, StringComparison.Ordinal);
    }
}

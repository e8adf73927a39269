using System.Globalization;
using System.Text.Json;
using RevBot.Core.Deals;

namespace RevBot.Host.Api;

/// <summary>
/// Reads a PATCH body: a JSON object of the fields to change, with strings or numbers (null clears a field where that is
/// allowed). Anything else is a 422 naming the field: unknown properties are never ignored silently.
/// </summary>
internal static class DealPatchReader
{
    private static readonly string[] Fields =
        [DealFields.Stage, DealFields.Amount, DealFields.CloseDate, DealFields.ForecastCategory, DealFields.Probability, DealFields.NextStep, DealFields.Status, DealFields.LossReason, DealFields.Discount];

    public static DealFieldChanges Read(JsonElement body, Dictionary<string, string> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                errors[property.Name] = $"Not a field that can be changed; use {string.Join(", ", Fields)}.";
                continue;
            }
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String: values[property.Name] = property.Value.GetString()!; break;
                case JsonValueKind.Number: values[property.Name] = Number(property.Value); break;
                case JsonValueKind.Null: values[property.Name] = ""; break;
                default: errors[property.Name] = "Must be a string, a number or null."; break;
            }
        }
        return new DealFieldChanges
        {
            Stage = values.GetValueOrDefault(DealFields.Stage),
            Amount = values.GetValueOrDefault(DealFields.Amount),
            CloseDate = values.GetValueOrDefault(DealFields.CloseDate),
            ForecastCategory = values.GetValueOrDefault(DealFields.ForecastCategory),
            Probability = values.GetValueOrDefault(DealFields.Probability),
            NextStep = values.GetValueOrDefault(DealFields.NextStep),
            Status = values.GetValueOrDefault(DealFields.Status),
            LossReason = values.GetValueOrDefault(DealFields.LossReason),
            Discount = values.GetValueOrDefault(DealFields.Discount),
        };
    }

    /// <summary>
    /// A JSON number means exactly one value (a point is always the decimal mark), so it is passed on in its shortest
    /// invariant form: 1250.000 and 1.25e3 are 1250, never a text the amount reader could find ambiguous.
    /// </summary>
    private static string Number(JsonElement value) =>
        value.TryGetDecimal(out var number)
            ? (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : value.GetRawText();
}

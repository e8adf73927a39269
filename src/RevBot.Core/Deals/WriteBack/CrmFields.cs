using System.Globalization;
using RevBot.Core.Domain;
using RevBot.Core.Sources;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// The deal fields write-back sends, by their canonical names (deals.csv columns, the names the connectors map) and
/// their canonical text: status open/won/lost, amounts with a dot, days as yyyy-MM-dd. One place turns a deal's
/// values into that text and back, so what is queued, what the CRM answers and what is restored read alike.
/// </summary>
public static class CrmFields
{
    public const string ClosedAt = "closed_at";

    /// <summary>Canonical name → the deal field id (<see cref="DealFields"/>) the cards, forms and audit log use.</summary>
    private static readonly Dictionary<string, string> ToDeal = new(StringComparer.Ordinal)
    {
        ["status"] = DealFields.Status,
        ["stage"] = DealFields.Stage,
        ["amount"] = DealFields.Amount,
        ["close_date"] = DealFields.CloseDate,
        ["forecast_category"] = DealFields.ForecastCategory,
        ["probability"] = DealFields.Probability,
        ["next_step"] = DealFields.NextStep,
        ["loss_reason"] = DealFields.LossReason,
        ["discount"] = DealFields.Discount,
    };

    /// <summary>The fields a CRM is asked to write (closed_at follows from the status in the CRM).</summary>
    public static IEnumerable<string> Written => ToDeal.Keys;

    /// <summary>The deal field id of a canonical name; the name itself for one RevBot does not show.</summary>
    public static string DealField(string canonical) => ToDeal.GetValueOrDefault(canonical, canonical);

    internal static Dictionary<string, string?> Of(DealValues v) => new(StringComparer.Ordinal)
    {
        ["status"] = EnumText.Format(v.Status),
        ["stage"] = v.Stage,
        ["amount"] = Money(v.Amount),
        ["close_date"] = v.CloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["forecast_category"] = v.ForecastCategory is { } f ? EnumText.Format(f) : null,
        ["probability"] = v.Probability?.ToString(CultureInfo.InvariantCulture),
        ["next_step"] = v.NextStep,
        ["loss_reason"] = v.LossReason,
        ["discount"] = v.Discount is { } off ? DealForms.Plain(off) : null,
        [ClosedAt] = v.ClosedAt?.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The values with every known canonical field of <paramref name="values"/> set; text that does not read leaves its
    /// field as it was. A deal that becomes closed without a closed_at is closed <paramref name="now"/>; an open one has none.
    /// </summary>
    internal static DealValues Apply(DealValues v, IReadOnlyDictionary<string, string?> values, DateTime now)
    {
        string? Get(string key, string? current) => values.TryGetValue(key, out var text) ? text : current;
        var status = values.TryGetValue("status", out var s) && EnumText.TryParse<DealStatus>(s, out var parsed) ? parsed : v.Status;
        var closedAt = values.TryGetValue(ClosedAt, out var c) ? Instant(c) : v.ClosedAt;
        if (status == DealStatus.Open) closedAt = null;
        else if (closedAt is null) closedAt = now;
        return v with
        {
            Status = status,
            Stage = Get("stage", v.Stage) is { Length: > 0 } stage ? stage : v.Stage,
            Amount = values.TryGetValue("amount", out var a) && decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : v.Amount,
            CloseDate = values.TryGetValue("close_date", out var d) ? Day(d) ?? (d is null ? null : v.CloseDate) : v.CloseDate,
            ForecastCategory = values.TryGetValue("forecast_category", out var f)
                ? (EnumText.TryParse<ForecastCategory>(f, out var category) ? category : null)
                : v.ForecastCategory,
            Probability = values.TryGetValue("probability", out var p)
                ? (int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) ? percent : null)
                : v.Probability,
            NextStep = Get("next_step", v.NextStep),
            LossReason = status == DealStatus.Lost ? Get("loss_reason", v.LossReason) : null,
            ClosedAt = closedAt,
            Discount = values.TryGetValue("discount", out var o)
                ? (decimal.TryParse(o, NumberStyles.Number, CultureInfo.InvariantCulture, out var off) ? off : null)
                : v.Discount,
        };
    }

    /// <summary>True when two canonical texts of one field mean the same value ("12500" and "12500.00").</summary>
    public static bool Same(string field, string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b)) return string.IsNullOrEmpty(a) && string.IsNullOrEmpty(b);
        if (field is "amount" or "probability" or "discount"
            && decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)) return x == y;
        if (field == "close_date") return Day(a) is { } da && da == Day(b);
        return string.Equals(a, b, field is "status" or "forecast_category" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string Money(decimal amount) => amount.ToString(decimal.Round(amount) == amount ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>A day; a full timestamp names its day as written.</summary>
    private static DateOnly? Day(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static DateTime? Instant(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

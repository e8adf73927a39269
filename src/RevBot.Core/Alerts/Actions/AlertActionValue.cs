using System.Globalization;

namespace RevBot.Core.Alerts.Actions;

/// <summary>
/// A button's value: one alert id per deal or account the message shows ("a1|12,57"). A press acts on every live alert
/// of those subjects, so the value stays short (Slack values and form state hold 200 characters here) however many
/// reasons each has.
/// </summary>
public static class AlertActionValue
{
    private const string Prefix = "a1|";

    public static string Encode(IEnumerable<long> ids) => Prefix + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? value, out IReadOnlyList<long> ids)
    {
        ids = [];
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length > 200) return false;
        var parsed = new List<long>();
        foreach (var part in value[Prefix.Length..].Split(','))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
            parsed.Add(id);
        }
        ids = parsed;
        return parsed.Count > 0;
    }
}

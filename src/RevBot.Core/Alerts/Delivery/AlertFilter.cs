using RevBot.Core.Domain;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>Whether a channel's subscription wants an alert: its kind, then every filter it set (text compares ignore case).</summary>
internal static class AlertFilter
{
    public static bool Matches(AlertSubscription subscription, AlertKind kind, AlertSubjectFacts facts) =>
        Kinds(subscription.Kinds).Contains(kind)
        && Same(subscription.Region, facts.Region)
        && Same(subscription.Segment, facts.Segment)
        && Same(subscription.OwnerEmail, facts.OwnerEmail)
        && Same(subscription.Team, facts.Team)
        && (subscription.MinAmount is not { } min || facts.Amount >= min);

    public static IReadOnlyList<AlertKind> Kinds(string kinds) =>
        [.. kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => EnumText.TryParse<AlertKind>(k, out var kind) ? kind : (AlertKind?)null).OfType<AlertKind>()];

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// What people did with a deal's or account's alerts, shown on its row when a grouped message is redrawn after a
/// press: dismissed (by whom, why), snoozed (until which company-local day), who is on it. People by name.
/// </summary>
internal sealed record AlertSubjectStatus(bool Dismissed, string? DismissedBy, string? DismissedReason, DateOnly? SnoozedUntil, string? AssignedTo);

namespace RevBot.Core.Alerts.Personal;

/// <summary>
/// A person's own alert and digest settings: their direct messages per kind (muted or not), their quiet hours in their
/// time zone, and the channel alert subscriptions and digest schedules they created (the first few of each, with the
/// totals for "and N more").
/// </summary>
public sealed record AlertSettings(
    IReadOnlyList<DirectMessageAlertSetting> DirectMessages,
    string QuietHours,
    IReadOnlyList<ChannelSetting> ChannelAlerts,
    int ChannelAlertsTotal,
    IReadOnlyList<ChannelSetting> Digests,
    int DigestsTotal);

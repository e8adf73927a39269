namespace RevBot.Core.Alerts.Personal;

/// <summary>
/// Something a person set up for a channel (an alert subscription, a digest schedule): the platform ("slack",
/// "teams"), the platform's channel id (adapters show the channel from it) and what it does, in plain words.
/// </summary>
public sealed record ChannelSetting(string Platform, string ChannelId, string Description);

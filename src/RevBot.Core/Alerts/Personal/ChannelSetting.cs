using RevBot.Core.Domain;

namespace RevBot.Core.Alerts.Personal;

/// <summary>
/// Something a person set up for a channel (an alert subscription, a digest schedule): the platform, the platform's
/// channel id (adapters show the channel from it) and what it does, in plain words.
/// </summary>
public sealed record ChannelSetting(ChatPlatform Platform, string ChannelId, string Description);

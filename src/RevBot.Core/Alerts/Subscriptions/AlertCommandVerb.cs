namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>What an alert chat command asks for.</summary>
public enum AlertCommandVerb
{
    Subscribe,
    Unsubscribe,
    List,
    Mute,
    Unmute,
}

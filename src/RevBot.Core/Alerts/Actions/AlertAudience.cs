namespace RevBot.Core.Alerts.Actions;

/// <summary>Who a grouped alert message is for: a person's direct message or a channel's scan; its title says which.</summary>
public enum AlertAudience
{
    Person,
    Channel,
}

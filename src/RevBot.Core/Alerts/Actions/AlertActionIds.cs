namespace RevBot.Core.Alerts.Actions;

/// <summary>The alert buttons and the dismiss form. Their value is <see cref="AlertActionValue"/>.</summary>
public static class AlertActionIds
{
    public const string Prefix = "alert.";
    public const string Snooze = "alert.snooze";

    /// <summary>Opens the dismiss form; submitting it (form id "alert.dismiss" too) dismisses.</summary>
    public const string Dismiss = "alert.dismiss";

    /// <summary>"I'm on it": assigns the alerts to whoever pressed it.</summary>
    public const string Assign = "alert.assign";
}

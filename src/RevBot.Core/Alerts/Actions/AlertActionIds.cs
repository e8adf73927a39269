namespace RevBot.Core.Alerts.Actions;

/// <summary>The alert buttons and the dismiss form. Their value is <see cref="AlertActionValue"/>, except the mute toggles' (a kind).</summary>
public static class AlertActionIds
{
    public const string Prefix = "alert.";
    public const string Snooze = "alert.snooze";

    /// <summary>Opens the dismiss form; submitting it (form id "alert.dismiss" too) dismisses.</summary>
    public const string Dismiss = "alert.dismiss";

    /// <summary>"I'm on it": assigns the alerts to whoever pressed it.</summary>
    public const string Assign = "alert.assign";

    /// <summary>Mutes the presser's own direct messages of one kind; the value is the kind ("stalled_deal", "churn_risk").</summary>
    public const string Mute = "alert.mute";

    /// <summary>Brings the presser's direct messages of one kind back; the value is the kind.</summary>
    public const string Unmute = "alert.unmute";
}

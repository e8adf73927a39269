namespace RevBot.Core.Alerts;

/// <summary>Where an alert is in its life; stored as "open", "snoozed", "dismissed", "resolved".</summary>
public enum AlertState
{
    /// <summary>Still true and not put aside: delivered once, then kept quiet until it changes.</summary>
    Open,

    /// <summary>Put aside until <c>snoozed_until</c>; if still true then, it is delivered again.</summary>
    Snoozed,

    /// <summary>Put aside for good while the reason lasts; if the reason goes and comes back, that is a new alert.</summary>
    Dismissed,

    /// <summary>The reason is gone. Kept as history; a later recurrence is a new row.</summary>
    Resolved,
}

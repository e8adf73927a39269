namespace RevBot.Core.Domain;

/// <summary>Where a change to the revenue data came from, as recorded in the audit log.</summary>
public enum ChangeChannel
{
    Slack,
    Teams,
    Cli,
    Api,
    Import,

    /// <summary>A sync from a system of record (HubSpot, Salesforce, Stripe).</summary>
    Sync,
}

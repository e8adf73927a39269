namespace RevBot.Core.Domain;

/// <summary>
/// A system of record RevBot syncs with. Outside C# it is spelled by <see cref="EnumText"/> ("hubspot",
/// "salesforce", "stripe"): the command line, settings, the <c>system</c> columns and the id prefix
/// (<c>Sources/SourceIds</c>). Not to be confused with <see cref="Deal.Source"/>, the lead source.
/// </summary>
public enum SourceSystem
{
    /// <summary>HubSpot; spelled "Hubspot" here so that its one outside spelling is "hubspot", not "hub_spot".</summary>
    Hubspot,
    Salesforce,
    Stripe,
}

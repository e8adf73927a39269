using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>How the systems are named to people: their own brand names, the same in every language.</summary>
public static class SourceNames
{
    public static string Display(SourceSystem system) => system switch
    {
        SourceSystem.Hubspot => "HubSpot",
        SourceSystem.Salesforce => "Salesforce",
        SourceSystem.Stripe => "Stripe",
        _ => EnumText.Format(system),
    };
}

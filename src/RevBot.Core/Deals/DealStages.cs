namespace RevBot.Core.Deals;

/// <summary>The stages closed deals carry (the configured stages are the open ones; see CompanyOptions.Stages).</summary>
public static class DealStages
{
    public const string ClosedWon = "Closed Won";
    public const string ClosedLost = "Closed Lost";
}

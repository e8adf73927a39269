namespace RevBot.Core.Metrics;

public enum DealListKind
{
    /// <summary>Open deals (closing in the period when one is given).</summary>
    Open,
    Won,
    Lost,
}

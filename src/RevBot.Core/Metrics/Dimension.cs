namespace RevBot.Core.Metrics;

/// <summary>
/// What a metric can be broken down by or filtered on. Owner values are user emails; Account values are account ids.
/// LossReason is a lost deal's recorded reason: only the lost-deal metrics (deals lost, lost amount) take it.
/// </summary>
public enum Dimension
{
    Owner,
    Team,
    Region,
    Segment,
    Industry,
    Product,
    Source,
    Type,
    Stage,
    Account,
    LossReason,
}

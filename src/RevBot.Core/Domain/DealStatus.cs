namespace RevBot.Core.Domain;

public enum DealStatus
{
    Open,
    Won,
    Lost,
}

namespace RevBot.Core.Domain;

public enum DealType
{
    New,
    Expansion,
    Renewal,
}

namespace RevBot.Core.Domain;

public enum SpendCategory
{
    Marketing,
    Sales,
}

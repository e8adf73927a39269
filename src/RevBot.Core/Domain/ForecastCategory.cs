namespace RevBot.Core.Domain;

public enum ForecastCategory
{
    Pipeline,
    BestCase,
    Commit,
    Omitted,
}

namespace RevBot.Core.Periods;

/// <summary>What kind of span a period is; decides what "the previous period" means.</summary>
public enum PeriodGrain
{
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Custom,
}

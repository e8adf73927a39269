namespace RevBot.Data.Demo;

/// <summary>The purposes that get their own random stream (see <see cref="DemoRandom"/>). Values are part of the output: never renumber.</summary>
internal enum DemoStream
{
    People = 1,
    Account = 2,
    AccountName = 3,
    Contacts = 4,
    Activities = 5,
    Usage = 6,
    Tickets = 7,
    Quotas = 8,
    Forecasts = 9,
    Spend = 10,
    Audit = 11,
    DealHistory = 12,
    Expansion = 13,
}

namespace RevBot.Core.Deals;

/// <summary>
/// Where a week's or a month's push lands: from the later of the current close date and today, so pushing an overdue
/// deal lands in the future. One rule for the push itself and for the question asked before it.
/// </summary>
internal static class DealPushDate
{
    public static DateOnly Target(DateOnly? closeDate, DateOnly today, DealPush push)
    {
        var from = closeDate is { } d && d > today ? d : today;
        return push == DealPush.Month ? from.AddMonths(1) : from.AddDays(7);
    }
}

namespace RevBot.Core.Deals;

/// <summary>How far "Push close date" moves it: from the later of the current close date and today.</summary>
public enum DealPush
{
    Week,
    Month,

    /// <summary>To the date in <see cref="DealFieldChanges.CloseDate"/>.</summary>
    Pick,
}

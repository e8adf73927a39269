namespace RevBot.Data.Demo;

internal static class DemoSituations
{
    /// <summary>Accounts are never fewer than this, so every forced situation below occurs at least once.</summary>
    public const int MinAccounts = 20;

    /// <summary>Among the first accounts, one is made to show each situation whatever the dice say; elsewhere chance decides.</summary>
    public static DemoSituation ForcedAt(int accountIndex) => accountIndex switch
    {
        1 => DemoSituation.StuckDeal,
        2 => DemoSituation.SilentDeal,
        3 => DemoSituation.AtRiskAccount,
        4 => DemoSituation.PastCloseDate,
        7 => DemoSituation.DuplicateContact,
        _ => DemoSituation.None,
    };
}

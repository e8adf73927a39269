namespace RevBot.Data.Demo;

/// <summary>The problems later features look for. Each also occurs at random; these make sure even a tiny company has them.</summary>
internal enum DemoSituation
{
    None,
    StuckDeal,
    SilentDeal,
    AtRiskAccount,
    PastCloseDate,
    DuplicateContact,
}

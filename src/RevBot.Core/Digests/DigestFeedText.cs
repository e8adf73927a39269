using RevBot.Core.Localization;

namespace RevBot.Core.Digests;

/// <summary>Titles and empty-state sentences of the fed sections (<see cref="IDigestFeed"/>).</summary>
internal static class DigestFeedText
{
    public static string Title(string section, string language) => section switch
    {
        DigestSectionIds.StalledDeals => Texts.Get(language, nameof(Catalog.DigestFeedStalledTitle)),
        DigestSectionIds.AtRiskAccounts => Texts.Get(language, nameof(Catalog.DigestFeedAtRiskTitle)),
        DigestSectionIds.OpenHandoffs => Texts.Get(language, nameof(Catalog.DigestFeedHandoffsTitle)),
        DigestSectionIds.ForecastCall => Texts.Get(language, nameof(Catalog.DigestFeedForecastCallTitle)),
        _ => section,
    };

    public static string Empty(string section, string language) => section switch
    {
        DigestSectionIds.StalledDeals => Texts.Get(language, nameof(Catalog.DigestFeedStalledEmpty)),
        DigestSectionIds.AtRiskAccounts => Texts.Get(language, nameof(Catalog.DigestFeedAtRiskEmpty)),
        DigestSectionIds.OpenHandoffs => Texts.Get(language, nameof(Catalog.DigestFeedHandoffsEmpty)),
        DigestSectionIds.ForecastCall => Texts.Get(language, nameof(Catalog.DigestFeedForecastCallEmpty)),
        _ => "—",
    };

    /// <summary>What an unfed section says: it is not a sign that nothing is wrong.</summary>
    public static string NotConnected(string section, string language) => Texts.Get(language, section == DigestSectionIds.OpenHandoffs
        ? nameof(Catalog.DigestFeedHandoffsNotConnected)
        : nameof(Catalog.DigestFeedAlertsNotConnected));
}

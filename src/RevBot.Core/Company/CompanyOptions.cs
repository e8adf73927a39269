using RevBot.Core.Settings;

namespace RevBot.Core.Company;

/// <summary>Facts about the company that every number depends on. Section <c>Company</c>.</summary>
public sealed class CompanyOptions : ICheckedOptions
{
    public const string Section = "Company";

    public string Name { get; set; } = "Acme Robotics";

    /// <summary>IANA id; "today", periods and quiet hours are computed in this zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>1-12. Fiscal years are named by the calendar year they end in.</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    public string Currency { get; set; } = "USD";

    /// <summary>Used by LTV; 1.0 means revenue is all margin.</summary>
    public double GrossMargin { get; set; } = 1.0;

    /// <summary>Open stages in pipeline order. Closed deals carry "Closed Won"/"Closed Lost".</summary>
    public List<StageDefinition> Stages { get; set; } = [];

    public List<string> LossReasons { get; set; } = [];

    public static IReadOnlyList<StageDefinition> DefaultStages { get; } =
    [
        new() { Name = "Prospecting", Probability = 10 },
        new() { Name = "Qualification", Probability = 20 },
        new() { Name = "Discovery", Probability = 35 },
        new() { Name = "Proposal", Probability = 55 },
        new() { Name = "Negotiation", Probability = 75 },
    ];

    public static IReadOnlyList<string> DefaultLossReasons { get; } =
        ["price", "competitor", "no decision", "timing", "product fit", "no budget"];

    public IReadOnlyList<StageDefinition> EffectiveStages => Stages.Count > 0 ? Stages : DefaultStages;

    public IReadOnlyList<string> EffectiveLossReasons => LossReasons.Count > 0 ? LossReasons : DefaultLossReasons;

    public TimeZoneInfo GetTimeZone() => System.TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Every problem, each one sentence naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
            yield return $"Company:TimeZone '{TimeZone}' is not a known IANA time zone (e.g. Europe/Madrid).";
        if (FiscalYearStartMonth is < 1 or > 12)
            yield return $"Company:FiscalYearStartMonth must be a month number from 1 to 12 (got {FiscalYearStartMonth}).";
        if (Currency is null || Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
            yield return $"Company:Currency must be a three-letter ISO code such as USD (got '{Currency}').";
        if (GrossMargin is < 0 or > 1)
            yield return $"Company:GrossMargin must be a fraction from 0 to 1 (got {GrossMargin}).";
        foreach (var stage in Stages.Where(s => string.IsNullOrWhiteSpace(s.Name) || s.Probability is < 0 or > 100))
            yield return $"Company:Stages entry '{stage.Name}' needs a name and a probability from 0 to 100.";
    }
}

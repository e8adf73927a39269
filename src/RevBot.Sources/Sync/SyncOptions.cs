using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Settings;

namespace RevBot.Sources.Sync;

/// <summary>
/// Section <c>Sources</c>: where a failing sync is told (<see cref="AlertChannel"/>, in <see cref="AlertLanguage"/>),
/// and each system's schedule (<c>Sources:Hubspot</c>, <c>Sources:Salesforce</c>, <c>Sources:Stripe</c>). See
/// docs/sources.md and docs/configuration.md.
/// </summary>
public sealed class SyncOptions : ICheckedOptions
{
    public const string Section = SourceOptions.Parent;

    /// <summary>The RevOps channel told once when a system's sync starts failing and once when it works again ("slack:C0123"); unset: nobody is told.</summary>
    public string? AlertChannel { get; set; }

    /// <summary>The language of those messages (one of <see cref="Texts.Languages"/>): the channel's readers read it.</summary>
    public string AlertLanguage { get; set; } = Texts.Neutral;

    public SourceSchedule Hubspot { get; set; } = new(SourceSystem.Hubspot);

    public SourceSchedule Salesforce { get; set; } = new(SourceSystem.Salesforce);

    public SourceSchedule Stripe { get; set; } = new(SourceSystem.Stripe);

    public SourceSchedule For(SourceSystem system) => system switch
    {
        SourceSystem.Hubspot => Hubspot,
        SourceSystem.Salesforce => Salesforce,
        SourceSystem.Stripe => Stripe,
        _ => throw new ArgumentOutOfRangeException(nameof(system), system, null),
    };

    /// <summary>The systems whose section says Enabled.</summary>
    public IEnumerable<SourceSchedule> Enabled => Enum.GetValues<SourceSystem>().Select(For).Where(s => s.Enabled);

    public ChannelTarget? AlertTarget => ChannelTarget.TryParse(AlertChannel, out var target) ? target : null;

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(AlertChannel) && AlertTarget is null)
            yield return $"Sources:AlertChannel '{AlertChannel}' must be a platform and channel id such as slack:C0123ABCD or teams:19:abc@thread.tacv2.";
        if (!Texts.Languages.Contains(AlertLanguage))
            yield return $"Sources:AlertLanguage '{AlertLanguage}' is not a language RevBot has texts for ({string.Join(", ", Texts.Languages.Order(StringComparer.Ordinal))}).";
        foreach (var problem in Enum.GetValues<SourceSystem>().SelectMany(s => For(s).Problems())) yield return problem;
    }
}

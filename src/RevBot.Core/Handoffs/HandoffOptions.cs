using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Core.Handoffs;

/// <summary>
/// Section <c>Handoffs</c>: which department channel hears about which deal event. Won deals go to the first
/// <see cref="CustomerSuccess"/> route matching the account's region/segment, else to
/// <see cref="CustomerSuccessDefault"/>; deals lost for one of <see cref="PricingLossReasons"/> go to
/// <see cref="PricingFeedback"/>. Unset means that hand-off is off. See docs/configuration.md.
/// </summary>
public sealed class HandoffOptions : ICompanyCheckedOptions
{
    public const string Section = "Handoffs";

    public List<HandoffRoute> CustomerSuccess { get; set; } = [];
    public string? CustomerSuccessDefault { get; set; }
    public string? PricingFeedback { get; set; }
    public List<string> PricingLossReasons { get; set; } = ["price"];

    /// <summary>The language of the hand-off messages: the receiving teams read it (one of <see cref="Texts.Languages"/>).</summary>
    public string Language { get; set; } = Texts.Neutral;

    /// <summary>The customer-success channel for an account, or null when no route matches and there is no default.</summary>
    public ChannelTarget? CustomerSuccessFor(string? region, string? segment)
    {
        var channel = CustomerSuccess.FirstOrDefault(r => r.Matches(region, segment))?.Channel ?? CustomerSuccessDefault;
        return ChannelTarget.TryParse(channel, out var target) ? target : null;
    }

    public ChannelTarget? PricingFeedbackFor(string? lossReason) =>
        lossReason is not null && PricingLossReasons.Contains(lossReason, StringComparer.Ordinal) && ChannelTarget.TryParse(PricingFeedback, out var target) ? target : null;

    /// <summary>Every problem, each one sentence naming the setting.</summary>
    public IEnumerable<string> Problems(CompanyOptions company)
    {
        ArgumentNullException.ThrowIfNull(company);
        const string Format = "a platform and channel id such as slack:C0123ABCD or teams:19:abc@thread.tacv2";
        for (var i = 0; i < CustomerSuccess.Count; i++)
        {
            var route = CustomerSuccess[i];
            if (string.IsNullOrWhiteSpace(route.Region) && string.IsNullOrWhiteSpace(route.Segment))
                yield return $"Handoffs:CustomerSuccess:{i} needs a Region or a Segment to match (use Handoffs:CustomerSuccessDefault for everything else).";
            if (!ChannelTarget.TryParse(route.Channel, out _))
                yield return $"Handoffs:CustomerSuccess:{i}:Channel '{route.Channel}' must be {Format}.";
        }
        if (CustomerSuccessDefault is not null && !ChannelTarget.TryParse(CustomerSuccessDefault, out _))
            yield return $"Handoffs:CustomerSuccessDefault '{CustomerSuccessDefault}' must be {Format}.";
        if (PricingFeedback is not null && !ChannelTarget.TryParse(PricingFeedback, out _))
            yield return $"Handoffs:PricingFeedback '{PricingFeedback}' must be {Format}.";
        if (!Texts.Languages.Contains(Language))
            yield return $"Handoffs:Language '{Language}' is not a language RevBot has texts for ({string.Join(", ", Texts.Languages.Order(StringComparer.Ordinal))}).";
        foreach (var reason in PricingLossReasons.Where(r => !company.EffectiveLossReasons.Contains(r, StringComparer.Ordinal)))
            yield return $"Handoffs:PricingLossReasons '{reason}' is not one of Company:LossReasons ({string.Join(", ", company.EffectiveLossReasons)}).";
    }
}

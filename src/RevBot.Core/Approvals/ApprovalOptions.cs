using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Core.Approvals;

/// <summary>
/// Section <c>Approvals</c>: which deal changes need an approval before they are applied, and where requests go.
/// Every rule is off until set, so with nothing configured no change is ever held. See docs/approvals.md.
/// </summary>
public sealed class ApprovalOptions : ICompanyCheckedOptions
{
    public const string Section = "Approvals";

    /// <summary>A cut of the amount by more than this percentage (20 = 20%).</summary>
    public decimal? AmountCutPercent { get; set; }

    /// <summary>Marking won a deal whose discount is above this percentage.</summary>
    public decimal? DiscountPercent { get; set; }

    /// <summary>Pushing a Commit deal's close date out of the fiscal quarter it was in.</summary>
    public bool CommitOutOfQuarter { get; set; }

    /// <summary>Stages (of Company:Stages) a deal may not jump over, moving forward or being marked won.</summary>
    public List<string> RequiredStages { get; set; } = [];

    /// <summary>Per role ("rep", "manager"…): a change to a deal whose amount is above this needs approval.</summary>
    public Dictionary<string, decimal> RoleAmountLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A channel ("slack:C0123ABCD", "teams:19:…") every request is posted in, besides the requester's manager.</summary>
    public string? DealDeskChannel { get; set; }

    /// <summary>The language of the deal-desk channel's cards.</summary>
    public string Language { get; set; } = Texts.Neutral;

    /// <summary>The approver is reminded once when a request is still undecided after this many hours.</summary>
    public double ReminderAfterHours { get; set; } = 24;

    /// <summary>How often the reminder worker looks for requests due a reminder.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool AnyRule => AmountCutPercent is not null || DiscountPercent is not null || CommitOutOfQuarter || RequiredStages.Count > 0 || RoleAmountLimits.Count > 0;

    public ChannelTarget? DealDesk => ChannelTarget.TryParse(DealDeskChannel, out var target) ? target : null;

    /// <summary>The limit for <paramref name="role"/>, or null when it has none.</summary>
    public decimal? LimitFor(UserRole role) => RoleAmountLimits.TryGetValue(EnumText.Format(role), out var limit) ? limit : null;

    /// <summary>Every problem, each one sentence naming the setting.</summary>
    public IEnumerable<string> Problems(CompanyOptions company)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (AmountCutPercent is < 0 or >= 100) yield return $"Approvals:AmountCutPercent must be from 0 to 100 (got {AmountCutPercent}).";
        if (DiscountPercent is < 0 or > 100) yield return $"Approvals:DiscountPercent must be from 0 to 100 (got {DiscountPercent}).";
        var stages = company.EffectiveStages.Select(s => s.Name).ToList();
        foreach (var stage in RequiredStages.Where(s => !stages.Contains(s, StringComparer.Ordinal)))
            yield return $"Approvals:RequiredStages '{stage}' is not one of Company:Stages ({string.Join(", ", stages)}).";
        foreach (var (role, limit) in RoleAmountLimits)
        {
            if (!EnumText.TryParse<UserRole>(role, out _))
                yield return $"Approvals:RoleAmountLimits '{role}' is not a role ({string.Join(", ", Enum.GetValues<UserRole>().Select(r => EnumText.Format(r)))}).";
            if (limit < 0) yield return $"Approvals:RoleAmountLimits:{role} must not be negative (got {limit}).";
        }
        if (DealDeskChannel is not null && DealDesk is null)
            yield return $"Approvals:DealDeskChannel '{DealDeskChannel}' must be a platform and channel id such as slack:C0123ABCD or teams:19:abc@thread.tacv2.";
        if (!Texts.Languages.Contains(Language))
            yield return $"Approvals:Language '{Language}' is not a language RevBot has texts for ({string.Join(", ", Texts.Languages.Order(StringComparer.Ordinal))}).";
        if (ReminderAfterHours is <= 0 or > 24 * 30) yield return $"Approvals:ReminderAfterHours must be more than 0 and at most 720 (got {ReminderAfterHours}).";
        if (ReminderInterval < TimeSpan.FromSeconds(1) || ReminderInterval > TimeSpan.FromHours(1))
            yield return $"Approvals:ReminderInterval must be from 00:00:01 to 01:00:00 (got {ReminderInterval}).";
    }
}

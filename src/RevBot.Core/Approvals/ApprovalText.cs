using RevBot.Core.Deals;
using RevBot.Core.Localization;

namespace RevBot.Core.Approvals;

/// <summary>A request's reasons and change in words, in the reader's language.</summary>
internal static class ApprovalText
{
    public static string Reasons(IEnumerable<ApprovalReason> reasons, string currency, string language) =>
        string.Join("; ", reasons.Select(r => Reason(r, currency, language)));

    public static string Reason(ApprovalReason r, string currency, string language) => r.Rule switch
    {
        ApprovalReason.AmountCut => T(language, nameof(Catalog.ApprovalReasonAmountCut), Percent(r.Value, language), Percent(r.Limit, language)),
        ApprovalReason.Discount => T(language, nameof(Catalog.ApprovalReasonDiscount), Percent(r.Value, language), Percent(r.Limit, language)),
        ApprovalReason.CommitQuarter => T(language, nameof(Catalog.ApprovalReasonCommitQuarter), Day(r.From, language), Day(r.To, language)),
        ApprovalReason.StageSkip => T(language, nameof(Catalog.ApprovalReasonStageSkip), r.Detail),
        ApprovalReason.RoleLimit => T(language, nameof(Catalog.ApprovalReasonRoleLimit), Money(r.Value, currency, language), Money(r.Limit, currency, language), r.Detail),
        _ => r.Rule,
    };

    /// <summary>"amount $100,000 → $70,000, close date …": the fields the change sets.</summary>
    public static string Change(ApprovalChange change, string currency, string language) =>
        string.Join(", ", change.Diff.Where(f => f.Field != DealFields.ClosedAt)
            .Select(f => $"{DealText.FieldLabel(f.Field, language)} {DealText.Value(f.Field, f.Old, currency, language)} → {DealText.Value(f.Field, f.New, currency, language)}"));

    public static string T(string language, string key, params object?[] args) => Texts.Get(language, key, args);

    private static string Percent(decimal? value, string language) =>
        value is { } v ? Formats.Percent(v / 100m, language, v % 1 == 0 ? 0 : 1) : "—";

    private static string Money(decimal? value, string currency, string language) => value is { } v ? DealText.Money(v, currency, language) : "—";

    private static string Day(DateOnly? day, string language) => day is { } d ? DealText.Date(d, language) : "—";
}

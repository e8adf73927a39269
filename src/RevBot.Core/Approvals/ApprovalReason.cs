using System.Text.Json;

namespace RevBot.Core.Approvals;

/// <summary>
/// One rule a change broke, with the numbers that say how (kept as values, written in the reader's language when
/// shown): <see cref="Value"/> and <see cref="Limit"/> are percentages or amounts, <see cref="Detail"/> stage names
/// or a role, <see cref="From"/>/<see cref="To"/> dates.
/// </summary>
public sealed record ApprovalReason(string Rule, decimal? Value = null, decimal? Limit = null, string? Detail = null, DateOnly? From = null, DateOnly? To = null)
{
    public const string AmountCut = "amount_cut";
    public const string Discount = "discount";
    public const string CommitQuarter = "commit_quarter";
    public const string StageSkip = "stage_skip";
    public const string RoleLimit = "role_limit";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<ApprovalReason> reasons) => JsonSerializer.Serialize(reasons, Json);

    public static IReadOnlyList<ApprovalReason> Read(string json) => JsonSerializer.Deserialize<List<ApprovalReason>>(json, Json) ?? [];
}

using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>A deal and the moments it entered each open stage it reached (index = stage position).</summary>
internal sealed class DealPlan(Deal deal, DateTime[] stageEntries)
{
    public Deal Deal { get; } = deal;

    public DateTime[] StageEntries { get; } = stageEntries;

    /// <summary>Set on open deals that have gone quiet: nothing was logged after this moment.</summary>
    public DateTime? SilentSince { get; set; }

    public DateTime CreatedAt => Deal.CreatedAt!.Value;
}

using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// "Pipeline needed", in words after its value: by when pipeline must be created to close in the period at the
/// historical sales cycle, or that this day has passed and new pipeline no longer counts.
/// </summary>
internal static class PipelineTimingText
{
    public static string Explain(PipelineTiming t, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(f);
        return Texts.Get(f.Language, t.Passed ? nameof(Catalog.AnswerPipelineCyclePassed) : nameof(Catalog.AnswerPipelineCycleCreateBy),
            f.Days(t.CycleDays), f.Count(t.CycleDeals), f.Date(t.CreateBy, withYear: true), f.Date(t.PeriodEnd, withYear: true));
    }
}

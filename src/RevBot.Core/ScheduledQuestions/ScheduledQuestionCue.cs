using RevBot.Core.Conversation;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>A cheap look before the question is read: only text with a recurrence ("every Monday", "cada mes") can be a schedule.</summary>
internal static class ScheduledQuestionCue
{
    public static bool Has(string? text)
    {
        var folded = Tokenizer.FoldAccents(text ?? "").ToLowerInvariant();
        return ScheduleRecurrence.All.Any(r => r.Pattern.IsMatch(folded));
    }
}

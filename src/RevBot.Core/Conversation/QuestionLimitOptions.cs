namespace RevBot.Core.Conversation;

/// <summary>
/// <c>Questions</c> settings: how many questions one person may ask, so one user (or a runaway script behind the API)
/// cannot starve the bot for everyone else. A burst is allowed at once, then <see cref="PerMinute"/> a minute.
/// </summary>
public sealed class QuestionLimitOptions
{
    public const string Section = "Questions";

    public int PerMinute { get; set; } = 60;
    public int Burst { get; set; } = 20;

    public static bool AreValid(QuestionLimitOptions o) => o.PerMinute is >= 1 and <= 10_000 && o.Burst is >= 1 and <= 10_000;
}

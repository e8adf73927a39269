using RevBot.Core.Settings;

namespace RevBot.Core.Conversation;

/// <summary>
/// <c>Questions</c> settings: how many questions one person may ask, so one user (or a runaway script behind the API)
/// cannot starve the bot for everyone else. A burst is allowed at once, then <see cref="PerMinute"/> a minute.
/// </summary>
public sealed class QuestionLimitOptions : ICheckedOptions
{
    public const string Section = "Questions";

    public int PerMinute { get; set; } = 60;
    public int Burst { get; set; } = 20;

    /// <summary>
    /// The limit for one API caller (one key) whatever <c>user</c> it names: the user field is the caller's free text,
    /// so a per-person bucket alone would let a script rotate it past every limit.
    /// </summary>
    public int ApiPerMinute { get; set; } = 600;
    public int ApiBurst { get; set; } = 100;

    public static bool AreValid(QuestionLimitOptions o) =>
        o.PerMinute is >= 1 and <= 10_000 && o.Burst is >= 1 and <= 10_000 && o.ApiPerMinute is >= 1 and <= 100_000 && o.ApiBurst is >= 1 and <= 100_000;

    public IEnumerable<string> Problems()
    {
        if (!AreValid(this))
            yield return "Questions:PerMinute and Questions:Burst must be whole numbers from 1 to 10000, Questions:ApiPerMinute and Questions:ApiBurst from 1 to 100000.";
    }
}

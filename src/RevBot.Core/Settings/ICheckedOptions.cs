namespace RevBot.Core.Settings;

/// <summary>
/// A settings section that checks itself: each problem is one sentence naming the setting (never echoing a secret).
/// Registered with <see cref="CheckedOptions.CheckOnStart{T}"/>, a bad setting stops the host at start with that sentence.
/// </summary>
public interface ICheckedOptions
{
    IEnumerable<string> Problems();
}

namespace RevBot.Core.Answers;

/// <summary>
/// A chat command a feature answers before the turn is read as a question ("post the sales digest here on Mondays",
/// "subscribe stalled deals"). Each feature registers its own; <c>AskService</c> tries them in registration order and
/// knows none of them by name, so a new command is a new registration, not an edit of the router.
/// </summary>
public interface IChatCommand
{
    /// <summary>The answer when the text is this command (done or refused), or null when it is not one.</summary>
    Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct);
}

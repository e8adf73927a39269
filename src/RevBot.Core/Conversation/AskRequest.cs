namespace RevBot.Core.Conversation;

/// <summary>
/// One question from anywhere (Slack, Teams, CLI, HTTP). <see cref="ConversationKey"/> ties follow-ups together
/// ("slack:T1:C1:1700000000.0001", "cli:my-session"); null means a one-off question.
/// </summary>
public sealed record AskRequest(string Question, string? UserEmail = null, DateOnly? AsOf = null, string? ConversationKey = null);

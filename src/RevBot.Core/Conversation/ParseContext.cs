namespace RevBot.Core.Conversation;

/// <summary>What the parser needs besides the text: the as-of day, the fiscal calendar, who asks ("my"), and the company's names.</summary>
public sealed record ParseContext(DateOnly AsOf, int FiscalYearStartMonth, string? UserEmail, QuestionVocabulary Vocabulary);

namespace RevBot.Core.Conversation;

/// <summary>
/// The language a question is written in, read the way the question reader reads it ("en" or "es"), for the words an
/// adapter says around an answer before or instead of asking Core: "Working on it…", "I'm swamped", "can't reach the data".
/// </summary>
public static class QuestionLanguage
{
    public static string Of(string? question)
    {
        var cleaned = Tokenizer.Clean(question ?? "");
        return LanguageDetector.Detect(cleaned.ToLowerInvariant(), Tokenizer.Tokenize(cleaned));
    }
}

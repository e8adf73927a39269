namespace RevBot.Core.Conversation;

public enum Intent
{
    Metric,
    List,
    Definition,
    Help,
    Clarify,
    Unknown,

    /// <summary>"deal acme renewal", "find deal acme", "show deal deal-00000042", "negocio acme": <see cref="ParsedQuestion.DealSearch"/> holds the words.</summary>
    DealSearch,

    /// <summary>"duplicates", "data health", "salud de datos".</summary>
    DataHealth,
}

namespace RevBot.Core.Answers;

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

    /// <summary>"how are we doing this quarter?", "¿cómo vamos?": the asker's audience's headline metrics side by side.</summary>
    Scorecard,

    /// <summary>"every Monday at 9 send me my pipeline by stage": a question on a schedule (the parsed question's Schedule).</summary>
    Schedule,

    /// <summary>"tell me when Q4 pipeline coverage drops below 3x", "avísame si …": the parsed question's Watch holds what to watch.</summary>
    Watch,
}

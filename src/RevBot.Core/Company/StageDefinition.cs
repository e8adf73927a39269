namespace RevBot.Core.Company;

/// <summary>A configured open-pipeline stage and the win probability used when a deal has none of its own.</summary>
public sealed class StageDefinition
{
    public string Name { get; set; } = "";

    /// <summary>0-100.</summary>
    public int Probability { get; set; }
}

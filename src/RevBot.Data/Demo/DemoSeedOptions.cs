using RevBot.Core.Company;

namespace RevBot.Data.Demo;

/// <summary>What the demo company looks like. The same <see cref="Seed"/>, <see cref="AsOf"/> and <see cref="Scale"/> always give the same data.</summary>
public sealed class DemoSeedOptions
{
    public const int DefaultSeed = 42;
    public const double MaxScale = 1000;

    /// <summary>1 is ~1,500 accounts and ~12,000 deals; records scale linearly, people gently.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The day the data ends: everything happened before it, open deals close after it.</summary>
    public required DateOnly AsOf { get; init; }

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Stages, loss reasons, currency, fiscal year and name come from here.</summary>
    public CompanyOptions Company { get; init; } = new();

    /// <summary>Every problem, each one sentence; empty when the options can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (!double.IsFinite(Scale) || Scale <= 0 || Scale > MaxScale)
            yield return $"the scale must be a number above 0 and at most {MaxScale} (got {Scale}).";
        if (AsOf.Year < 2000 || AsOf.Year > 9000)
            yield return $"the as-of date must be between the years 2000 and 9000 (got {AsOf:yyyy-MM-dd}).";
        foreach (var problem in Company.Problems()) yield return problem;
        if (Company.EffectiveStages.Count < 2)
            yield return "the company needs at least two open stages to build a pipeline.";
    }
}

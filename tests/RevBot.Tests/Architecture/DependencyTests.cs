using System.Reflection;
using RevBot.Testing;

namespace RevBot.Tests.Architecture;

/// <summary>
/// Core's feature folders depend one way (docs/architecture.md), and Core references no platform: the two rules the
/// compiler does not check. Each check is first shown to catch what it looks for, on a fixture or a platform assembly.
/// </summary>
public sealed class DependencyTests
{
    /// <summary>Assembly name prefixes Core must not reference: the adapters, the host, the data project, any web or bot stack.</summary>
    private static readonly string[] Platforms = ["RevBot.Slack", "RevBot.Teams", "RevBot.Sources", "RevBot.Host", "RevBot.Data", "Microsoft.AspNetCore", "Microsoft.Bot", "Slack", "Teams"];

    [Fact]
    public void Core_features_depend_on_each_other_one_way()
    {
        var edges = FeatureGraph.Read(CoreSources());
        var cycles = FeatureGraph.Cycles(edges);
        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => Describe(c, edges))));
        // The graph read is the real one: the router reaches the features it routes to.
        Assert.Contains(edges, e => e is { From: "Conversation", To: "Answers" });
        Assert.Contains(edges, e => e is { From: "Alerts", To: "Digests" });
    }

    [Fact]
    public void A_cycle_between_two_features_is_found_through_a_using_and_a_qualified_name()
    {
        var edges = FeatureGraph.Read([
            ("A/One.cs", "using RevBot.Core.B;\nnamespace RevBot.Core.A;\npublic sealed class One(Two two);"),
            ("B/Two.cs", "namespace RevBot.Core.B.Inner;\n// A.One in a comment is not a use\npublic sealed class Two { public A.One? Back { get; init; } }"),
            ("C/Three.cs", "namespace RevBot.Core.C;\npublic sealed class Three { public RevBot.Core.A.One? One { get; init; } }"),
        ]);
        var cycle = Assert.Single(FeatureGraph.Cycles(edges));
        Assert.Equal(["A", "B"], cycle);
        Assert.Contains(edges, e => e is { From: "C", To: "A" });
    }

    [Fact]
    public void Features_that_depend_one_way_have_no_cycle_and_comments_are_no_use()
    {
        var edges = FeatureGraph.Read([
            ("A/One.cs", "using RevBot.Core.B;\nnamespace RevBot.Core.A;\npublic sealed class One(Two two);"),
            ("B/Two.cs", "namespace RevBot.Core.B;\n/// <see cref=\"A.One\"/>\npublic sealed class Two { /* A.One */ }"),
        ]);
        Assert.Equal([new FeatureGraph.Edge("A", "B", "A/One.cs")], edges);
        Assert.Empty(FeatureGraph.Cycles(edges));
    }

    [Fact]
    public void Core_references_no_platform_assembly()
    {
        var core = typeof(Core.Answers.Answer).Assembly;
        Assert.Empty(PlatformReferences(core));
        // The check sees a platform where there is one: this test assembly references the adapters, the sources and the data project.
        Assert.Equal(["RevBot.Data", "RevBot.Slack", "RevBot.Sources", "RevBot.Teams"], PlatformReferences(typeof(DependencyTests).Assembly).Where(n => n.StartsWith("RevBot.", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void Core_sources_name_no_platform_namespace()
    {
        var named = CoreSources()
            .SelectMany(f => f.Text.Split('\n').Select(line => (f.Path, Line: line.Trim())))
            .Where(l => l.Line.StartsWith("using ", StringComparison.Ordinal) && Platforms.Any(p => l.Line.Contains(" " + p, StringComparison.Ordinal) || l.Line.Contains("= " + p, StringComparison.Ordinal)))
            .Select(l => $"{l.Path}: {l.Line}").ToList();
        Assert.Empty(named);
    }

    private static List<string> PlatformReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").Where(n => Platforms.Any(p => n.StartsWith(p, StringComparison.Ordinal)))];

    private static IEnumerable<(string Path, string Text)> CoreSources()
    {
        var root = RepoPaths.File("src", "RevBot.Core");
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !p.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(root, p), File.ReadAllText(p)));
    }

    private static string Describe(IReadOnlyList<string> cycle, IReadOnlyList<FeatureGraph.Edge> edges) =>
        $"Cycle between {string.Join(", ", cycle)}:\n" + string.Join("\n", edges
            .Where(e => cycle.Contains(e.From) && cycle.Contains(e.To)).DistinctBy(e => (e.From, e.To, e.File))
            .Select(e => $"  {e.From} -> {e.To} in {e.File}"));
}

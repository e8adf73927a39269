using RevBot.Testing;

namespace RevBot.IntegrationTests.Deploy;

/// <summary>The repository's Dockerfile as (instruction, arguments) pairs: continued lines joined, comments dropped.</summary>
internal static class DockerfileText
{
    public static IReadOnlyList<(string Instruction, string Arguments)> Lines { get; } = Parse(File.ReadAllText(RepoPaths.File("Dockerfile")));

    public static List<string> Args(string instruction) => Lines.Where(l => l.Instruction == instruction).Select(l => l.Arguments).ToList();

    /// <summary>The sources of a COPY that reads the build context (all words but the last); none for <c>--from</c>.</summary>
    public static string[] CopySources(string arguments) =>
        arguments.StartsWith("--", StringComparison.Ordinal) ? [] : arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];

    private static List<(string, string)> Parse(string text)
    {
        var joined = text.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0].ToUpperInvariant(), string.Join(' ', p.Length > 1 ? p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])))
            .ToList();
    }
}

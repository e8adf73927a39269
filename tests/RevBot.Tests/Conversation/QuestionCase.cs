using System.Globalization;
using RevBot.Testing;
using YamlDotNet.Serialization;

namespace RevBot.Tests.Conversation;

/// <summary>One entry of a question suite file: the question, when it is asked, and the parse expected (see questions.yaml's header).</summary>
public sealed record QuestionCase(string Source, int Index, string Question, DateOnly AsOf, int FiscalStartMonth, string? As, IReadOnlyDictionary<string, object?> Expect)
{
    /// <summary>The suite files: ours, copied next to the tests, and the shared starter set beside the repository when it is there.</summary>
    public static IReadOnlyList<QuestionCase> All { get; } = LoadAll();

    private static List<QuestionCase> LoadAll()
    {
        var cases = Load(Path.Combine(AppContext.BaseDirectory, "Conversation", "questions.yaml"), "suite");
        if (SharedFile() is { } shared)
            cases.AddRange(Load(shared, "shared"));
        return cases;
    }

    /// <summary>../shared/eval/questions-dev.yaml relative to the repository root (the folder holding RevBot.sln).</summary>
    public static string? SharedFile()
    {
        var path = Path.GetFullPath(RepoPaths.File("..", "shared", "eval", "questions-dev.yaml"));
        return File.Exists(path) ? path : null;
    }

    public static List<QuestionCase> Load(string path, string source)
    {
        var entries = new DeserializerBuilder().Build().Deserialize<List<Dictionary<object, object?>>>(File.ReadAllText(path)) ?? [];
        return [.. entries.Select((e, i) => new QuestionCase(
            source,
            i,
            (string)e["q"]!,
            DateOnly.ParseExact((string)e["as_of"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.TryGetValue("fiscal_start_month", out var fsm) && fsm is not null ? int.Parse((string)fsm, CultureInfo.InvariantCulture) : 1,
            e.TryGetValue("as", out var user) ? (string?)user : null,
            ((Dictionary<object, object?>)e["expect"]!).ToDictionary(kv => (string)kv.Key, kv => kv.Value)))];
    }

    public override string ToString() => $"{Source}#{Index}: {Question}";
}

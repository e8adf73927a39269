using System.Text.RegularExpressions;

namespace RevBot.Tests.Architecture;

/// <summary>
/// Which Core feature folder uses which, read from the C# sources: a file in <c>RevBot.Core.X[.…]</c> uses feature Y
/// when it has <c>using RevBot.Core.Y…</c> (plain, static or alias), names <c>RevBot.Core.Y.</c> in its code, or
/// names a type of Y qualified by the feature (<c>Digests.DigestImage</c>, which C# resolves without a using inside
/// <c>RevBot.Core</c>). Comments are ignored. Unqualified names need a using, and Core has no
/// global usings of its own, so these three forms are every way one feature can reach another.
/// </summary>
internal static partial class FeatureGraph
{
    public sealed record Edge(string From, string To, string File);

    public static IReadOnlyList<Edge> Read(IEnumerable<(string Path, string Text)> files)
    {
        var sources = files.Select(f => (f.Path, Code: Code(f.Text))).ToList();
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (_, code) in sources)
        {
            if (Feature(Namespace(code)) is not { } feature) continue;
            foreach (Match m in TypeDeclaration().Matches(code))
                (types.TryGetValue(feature, out var set) ? set : types[feature] = []).Add(m.Groups[1].Value);
        }
        var edges = new List<Edge>();
        foreach (var (path, code) in sources)
        {
            if (Feature(Namespace(code)) is not { } from) continue;
            void Add(string? to) { if (to is not null && to != from) edges.Add(new Edge(from, to, path)); }
            foreach (Match m in CoreUsing().Matches(code)) Add(Feature(m.Groups[1].Value));
            foreach (Match m in Qualified().Matches(code)) Add(m.Groups[1].Value);
            foreach (Match m in PartlyQualified().Matches(code))
                if (types.TryGetValue(m.Groups[1].Value, out var declared) && m.Groups[2].Value.Split('.').Any(declared.Contains))
                    Add(m.Groups[1].Value);
        }
        return edges;
    }

    /// <summary>Each group of features that reach each other (Tarjan's strongly connected components of two or more).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<Edge> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().Order().ToList());
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order().ToList();
        var (index, low, onStack, stack, found) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new HashSet<string>(), new Stack<string>(), new List<IReadOnlyList<string>>());
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            if (group.Count > 1) found.Add([.. group.Order()]);
        }
        foreach (var n in nodes) if (!index.ContainsKey(n)) Visit(n);
        return found;
    }

    /// <summary>"RevBot.Core.Alerts.Delivery" → "Alerts"; the root namespace (the composition root) is no feature.</summary>
    public static string? Feature(string? ns)
    {
        var parts = ns?.Split('.') ?? [];
        return parts.Length > 2 && parts[0] == "RevBot" && parts[1] == "Core" ? parts[2] : null;
    }

    private static string? Namespace(string code) => NamespaceDeclaration().Match(code) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The text without comments; literals stay (an interpolated string's holes are code).</summary>
    private static string Code(string text) => CommentOrLiteral().Replace(text, m => m.Groups[1].Success ? m.Value : " ");

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum|delegate\s+\S+)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(RevBot\.Core\.[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex CoreUsing();

    [GeneratedRegex(@"\bRevBot\.Core\.(\w+)\.")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.((?:[A-Z]\w*\.)*[A-Z]\w*)")]
    private static partial Regex PartlyQualified();

    [GeneratedRegex(@"('(?:\\.|[^'\\\n])'|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*"")|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentOrLiteral();
}

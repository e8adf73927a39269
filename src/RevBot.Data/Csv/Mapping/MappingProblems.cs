using RevBot.Core.Input;
using YamlDotNet.RepresentationModel;

namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// What is wrong with a mapping file, each as <c>mapping.yaml:line: path: what</c> (the path as <c>deals.amount</c>),
/// and the small readers of YAML nodes that report into it.
/// </summary>
internal sealed class MappingProblems(string file)
{
    public List<CsvIssue> Issues { get; } = [];

    public void Add(YamlNode node, string? path, string message) => Issues.Add(new CsvIssue(file, (int)node.Start.Line, path, message));

    /// <summary>The mapping's keys, each known; unknown ones reported with the nearest known key.</summary>
    public Dictionary<string, YamlNode>? Fields(YamlNode node, string path, params string[] allowed)
    {
        if (node is not YamlMappingNode map)
        {
            Add(node, path, $"expected keys ({string.Join(", ", allowed)})");
            return null;
        }
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (allowed.Contains(name, StringComparer.Ordinal)) fields[name] = value;
            else Add(key, path, $"unknown key '{name}'{DidYouMean(name, allowed)}");
        }
        return fields;
    }

    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value }) return value;
        Add(node, path, "expected a single value");
        return null;
    }

    /// <summary>One value or a list of values.</summary>
    public List<string>? Texts(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } one }) return [one];
        if (node is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode))
            return [.. list.Children.Select(c => ((YamlScalarNode)c).Value ?? "")];
        Add(node, path, "expected a value or a list of values");
        return null;
    }

    /// <summary>A map of text to text (a value map, a <c>normalise</c> list of spellings).</summary>
    public Dictionary<string, string>? Pairs(YamlNode node, string path, StringComparer comparer)
    {
        if (node is not YamlMappingNode map)
        {
            Add(node, path, "expected 'from: to' pairs");
            return null;
        }
        var pairs = new Dictionary<string, string>(comparer);
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } from } && value is YamlScalarNode { Value: var to })
            {
                if (!pairs.TryAdd(from, to ?? "")) Add(key, path, $"'{from}' is listed twice");
            }
            else Add(key, path, "expected 'from: to' pairs of single values");
        }
        return pairs;
    }

    /// <summary>" (did you mean X?)" when a known name is a slip away from <paramref name="word"/>, else "".</summary>
    public static string DidYouMean(string word, IEnumerable<string> known)
    {
        var limit = Math.Clamp(word.Length / 3, 1, 3);
        var nearest = known.Select(k => (k, d: EditDistance.Between(word.ToLowerInvariant(), k.ToLowerInvariant(), limit)))
            .Where(x => x.d <= limit).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();
        return nearest is null ? "" : $" (did you mean {nearest}?)";
    }
}

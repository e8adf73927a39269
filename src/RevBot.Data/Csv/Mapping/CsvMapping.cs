using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// A mapping file (docs/import.md): how the files of an export, in their own shape, become the canonical files. It is
/// checked whole against the folder's headers before any row is read; <see cref="Load"/> returns either a source for
/// <see cref="CsvImporter"/> or every problem, as <c>mapping.yaml:line: deals.amount: what</c>.
/// </summary>
public static class CsvMapping
{
    private static readonly string[] FileKeys = ["from", "normalise", "skip", "columns", "group_by", "sum"];

    public static (CsvSource? Source, IReadOnlyList<CsvIssue> Problems) Load(string mappingPath, string folder)
    {
        var problems = new MappingProblems(Path.GetFileName(mappingPath));
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(mappingPath);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            return (null, [new CsvIssue(Path.GetFileName(mappingPath), (int)ex.Start.Line, null, $"not valid YAML: {ex.Message}")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root || root.Children.Count == 0)
            return (null, [new CsvIssue(Path.GetFileName(mappingPath), 1, null, "the mapping names no canonical file (e.g. deals: with from: and columns:)")]);

        var tables = new Dictionary<string, SourceTable?>(StringComparer.Ordinal);
        SourceTable? Table(string name) =>
            tables.TryGetValue(name, out var t) ? t : tables[name] = Path.GetFileName(name) == name ? SourceTable.Open(Path.Combine(folder, name)) : null;

        var files = new List<MappedFile>();
        foreach (var (keyNode, node) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var spec = ImportBatch.Files.FirstOrDefault(f => f.Name == key || f.Name == key + ".csv");
            if (spec is null)
            {
                var names = ImportBatch.Files.Select(f => f.Name[..^4]);
                problems.Add(keyNode, key, $"not a canonical file{MappingProblems.DidYouMean(key, names)} (one of {string.Join(", ", names)})");
                continue;
            }
            if (files.Any(f => f.Spec == spec)) problems.Add(keyNode, key, "is mapped twice");
            else if (ParseFile(node, spec.Name[..^4], spec, folder, Table, problems) is { } file) files.Add(file);
        }
        return problems.Issues.Count > 0 ? (null, problems.Issues) : (new MappedSource(folder, files), []);
    }

    private static MappedFile? ParseFile(YamlNode node, string path, CsvFileSpec spec, string folder, Func<string, SourceTable?> table, MappingProblems problems)
    {
        var f = problems.Fields(node, path, FileKeys);
        if (f is null) return null;
        if (!f.TryGetValue("from", out var fromNode) || !f.TryGetValue("columns", out var columnsNode))
        {
            problems.Add(node, path, "needs from (the export file) and columns");
            return null;
        }
        var fromName = problems.Text(fromNode, path + ".from");
        if (fromName is null) return null;
        var from = table(fromName);
        if (from is null)
        {
            var here = Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>() : [];
            problems.Add(fromNode, path + ".from", $"{fromName} is not in the folder{MappingProblems.DidYouMean(fromName, here)}");
            return null;
        }
        var before = problems.Issues.Count;
        var expressions = new ExpressionParser(problems, from, table);
        var normalise = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        if (f.TryGetValue("normalise", out var n) && problems.Fields(n, path + ".normalise", from.Header) is { } spellings)
            foreach (var (column, pairs) in spellings)
                if (problems.Pairs(pairs, $"{path}.normalise.{column}", StringComparer.Ordinal) is { } spelled) normalise[from.Column(column)] = spelled;
        var skip = f.TryGetValue("skip", out var s) ? ParseSkip(s, path + ".skip", expressions, problems) : [];

        var columns = new ColumnExpr?[spec.Columns.Length];
        if (columnsNode is YamlMappingNode map)
            foreach (var (keyNode, value) in map.Children)
            {
                var name = (keyNode as YamlScalarNode)?.Value ?? "";
                var slot = Array.IndexOf(spec.Columns, name);
                if (slot < 0) problems.Add(keyNode, $"{path}.{name}", $"not a column of {spec.Name}{MappingProblems.DidYouMean(name, spec.Columns)}");
                else if (columns[slot] is not null) problems.Add(keyNode, $"{path}.{name}", "is mapped twice");
                else columns[slot] = expressions.Parse(value, $"{path}.{name}");
            }
        else problems.Add(columnsNode, path + ".columns", "expected canonical column: expression pairs");
        foreach (var required in spec.Required.Where(r => columns[Array.IndexOf(spec.Columns, r)] is null && !IsMapped(columnsNode, r)))
            problems.Add(columnsNode, path + ".columns", $"the required column {required} is not mapped");

        var groupBy = Slots(f.GetValueOrDefault("group_by"), path + ".group_by", spec, columns, problems);
        var sum = Slots(f.GetValueOrDefault("sum"), path + ".sum", spec, columns, problems);
        if (sum.Length > 0 && groupBy.Length == 0) problems.Add(f["sum"], path + ".sum", "goes with group_by");
        if (groupBy.Intersect(sum).Any()) problems.Add(f["sum"], path + ".sum", "a column cannot be both grouped and summed");
        return problems.Issues.Count > before ? null : new MappedFile(spec, from, normalise, skip, columns, groupBy, sum);
    }

    /// <summary>Whether the mapping lists the column (its expression may have failed and been reported already).</summary>
    private static bool IsMapped(YamlNode columns, string name) =>
        columns is YamlMappingNode map && map.Children.Keys.Any(k => (k as YamlScalarNode)?.Value == name);

    private static List<RowFilter> ParseSkip(YamlNode node, string path, ExpressionParser expressions, MappingProblems problems)
    {
        var rules = new List<RowFilter>();
        if (node is not YamlSequenceNode list)
        {
            problems.Add(node, path, "expected a list of rules (- column: …, equals: …, reason: …)");
            return rules;
        }
        for (var i = 0; i < list.Children.Count; i++)
            if (expressions.Condition(list.Children[i], $"{path}[{i + 1}]", withReason: true) is { } rule) rules.Add(rule);
        return rules;
    }

    private static int[] Slots(YamlNode? node, string path, CsvFileSpec spec, ColumnExpr?[] columns, MappingProblems problems)
    {
        if (node is null || problems.Texts(node, path) is not { } names) return [];
        var slots = new List<int>();
        foreach (var name in names)
        {
            var slot = Array.IndexOf(spec.Columns, name);
            if (slot < 0 || columns[slot] is null) problems.Add(node, path, $"'{name}' is not a mapped column of {spec.Name}");
            else slots.Add(slot);
        }
        return [.. slots];
    }
}

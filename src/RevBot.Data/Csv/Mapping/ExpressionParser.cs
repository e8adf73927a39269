using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RevBot.Data.Csv.Mapping;

/// <summary>Reads a column expression (docs/import.md) against its source file's header; null after reporting a problem.</summary>
internal sealed class ExpressionParser(MappingProblems problems, SourceTable source, Func<string, SourceTable?> file)
{
    private static readonly string[] Keys =
        ["column", "value", "template", "lookup", "when", "otherwise", "map", "unmapped", "default", "case", "slug", "date_format", "number", "percent", "prefix", "suffix"];

    private static readonly string[] ConditionKeys = ["column", "equals", "equals_column", "empty"];

    private static readonly string[] LookupKeys = ["file", "key", "match", "take", "missing"];

    /// <summary>A source column of this file by name; reports an unknown one with the nearest header name.</summary>
    public int Column(YamlNode node, string path, string name, SourceTable? table = null)
    {
        table ??= source;
        var index = table.Column(name);
        if (index < 0) problems.Add(node, path, $"unknown column '{name}' in {table.Name}{MappingProblems.DidYouMean(name, table.Header)}");
        return index;
    }

    public ColumnExpr? Parse(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } name })
            return Column(node, path, name) is var i and >= 0 ? new ColumnExpr { Display = source.Header[i], Column = i } : null;
        var f = problems.Fields(node, path, Keys);
        if (f is null) return null;
        var sources = new[] { "column", "value", "template", "lookup" }.Where(f.ContainsKey).ToList();
        if (sources.Count != 1)
        {
            problems.Add(node, path, sources.Count == 0 ? "needs one of column, value, template or lookup" : $"has both {sources[0]} and {sources[1]}; give one");
            return null;
        }
        var ok = true;
        int column = -1;
        string? value = null, display = null;
        Template? template = null;
        Lookup? lookup = null;
        if (f.TryGetValue("column", out var c))
        {
            display = problems.Text(c, path);
            ok &= display is not null && (column = Column(c, path, display)) >= 0;
            if (column >= 0) display = source.Header[column];
        }
        if (f.TryGetValue("value", out var v)) ok &= (value = problems.Text(v, path)) is not null;
        if (f.TryGetValue("template", out var t))
        {
            var text = problems.Text(t, path);
            template = text is null ? null : Template.Parse(text, n => Column(t, path, n), m => problems.Add(t, path, m));
            ok &= template is not null;
            if (template?.Parts.Where(p => p.Column >= 0).ToList() is [var only]) display = source.Header[only.Column];
        }
        if (f.TryGetValue("lookup", out var l)) ok &= (lookup = ParseLookup(l, path + ".lookup", out display)) is not null;

        RowFilter? when = null;
        if (f.TryGetValue("when", out var w)) ok &= (when = Condition(w, path + ".when", withReason: false)) is not null;
        ColumnExpr? otherwise = null;
        if (f.TryGetValue("otherwise", out var o)) ok &= (otherwise = Parse(o, path + ".otherwise")) is not null;
        Dictionary<string, string>? map = null;
        if (f.TryGetValue("map", out var m)) ok &= (map = problems.Pairs(m, path + ".map", StringComparer.OrdinalIgnoreCase)) is not null;
        var unmapped = ParseUnmapped(f, path, map, ref ok);
        var (lower, upper) = (false, false);
        if (f.TryGetValue("case", out var k))
        {
            var which = problems.Text(k, path);
            (lower, upper) = (which == "lower", which == "upper");
            if (which is not null && !lower && !upper) problems.Add(k, path + ".case", "is lower or upper");
            ok &= lower || upper;
        }
        string? slug = null;
        if (f.TryGetValue("slug", out var s)) ok &= (slug = problems.Text(s, path + ".slug")) is not null;
        string[]? dates = null;
        if (f.TryGetValue("date_format", out var d)) ok &= (dates = problems.Texts(d, path + ".date_format")?.ToArray()) is not null;
        CultureInfo? culture = null;
        if (f.TryGetValue("number", out var n)) ok &= (culture = Culture(n, path + ".number")) is not null;
        PercentScale? percent = null;
        if (f.TryGetValue("percent", out var pc))
        {
            switch (problems.Text(pc, path + ".percent"))
            {
                case "points": percent = PercentScale.Points; break;
                case "fraction": percent = PercentScale.Fraction; break;
                case { } other: problems.Add(pc, path + ".percent", $"'{other}' is not points (12 or 12% is 12%) or fraction (0.12 is 12%)"); ok = false; break;
                default: ok = false; break;
            }
        }
        string? prefix = "", suffix = "";
        if (f.TryGetValue("prefix", out var p)) ok &= (prefix = problems.Text(p, path)) is not null;
        if (f.TryGetValue("suffix", out var x)) ok &= (suffix = problems.Text(x, path)) is not null;
        if (!ok) return null;
        return new ColumnExpr
        {
            Display = display ?? path, Column = column, Value = value, Template = template, Lookup = lookup, When = when, Otherwise = otherwise,
            Map = map, Unmapped = unmapped, Lower = lower, Upper = upper, Slug = slug, DateFormats = dates, Culture = culture, Percent = percent,
            Prefix = prefix!, Suffix = suffix!,
        };
    }

    /// <summary>
    /// A test on the row: <c>column</c> with one of <c>equals: value(s)</c> (ignoring case), <c>equals_column: other</c>
    /// or <c>empty: true</c>; a skip rule also has its <c>reason</c>.
    /// </summary>
    public RowFilter? Condition(YamlNode node, string path, bool withReason)
    {
        var f = problems.Fields(node, path, withReason ? [.. ConditionKeys, "reason"] : ConditionKeys);
        if (f is null) return null;
        var tests = new[] { "equals", "equals_column", "empty" }.Count(f.ContainsKey);
        if (!f.ContainsKey("column") || (withReason && !f.ContainsKey("reason")) || tests != 1)
        {
            problems.Add(node, path, $"needs column{(withReason ? ", reason" : "")} and one of equals, equals_column or empty: true");
            return null;
        }
        var name = problems.Text(f["column"], path);
        var column = name is null ? -1 : Column(f["column"], path, name);
        var reason = withReason ? problems.Text(f["reason"], path) : "";
        var values = f.TryGetValue("equals", out var e) ? problems.Texts(e, path)?.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        var other = -1;
        if (f.TryGetValue("equals_column", out var o) && problems.Text(o, path) is { } otherName) other = Column(o, path, otherName);
        var empty = f.TryGetValue("empty", out var x);
        if (empty && problems.Text(x!, path) is not "true")
        {
            problems.Add(x!, path, "empty: true is the only form");
            return null;
        }
        return column >= 0 && reason is not null && (values is not null || other >= 0 || empty) ? new RowFilter(column, values, other, empty, reason) : null;
    }

    /// <summary><c>unmapped: keep | empty | error</c> (the default), or <c>default: text</c>.</summary>
    private string? ParseUnmapped(Dictionary<string, YamlNode> f, string path, Dictionary<string, string>? map, ref bool ok)
    {
        f.TryGetValue("unmapped", out var u);
        f.TryGetValue("default", out var d);
        if ((u ?? d) is { } node && map is null)
        {
            problems.Add(node, path, "unmapped and default go with a map");
            ok = false;
            return null;
        }
        if (u is not null && d is not null)
        {
            problems.Add(d, path, "has both unmapped and default; give one");
            ok = false;
            return null;
        }
        if (d is not null) return problems.Text(d, path + ".default") ?? Fail(ref ok);
        if (u is null) return null;
        switch (problems.Text(u, path + ".unmapped"))
        {
            case "keep": return ColumnExpr.Keep;
            case "empty": return "";
            case "error": return null;
            case { } other:
                problems.Add(u, path + ".unmapped", $"'{other}' is not one of keep, empty, error (or write default: <value>)");
                return Fail(ref ok);
            default: return Fail(ref ok);
        }
    }

    private Lookup? ParseLookup(YamlNode node, string path, out string? display)
    {
        display = null;
        var f = problems.Fields(node, path, LookupKeys);
        if (f is null) return null;
        foreach (var required in new[] { "file", "key", "take" })
            if (!f.ContainsKey(required)) problems.Add(node, path, $"needs {required}");
        if (!f.ContainsKey("file") || !f.ContainsKey("key") || !f.ContainsKey("take")) return null;
        var name = problems.Text(f["file"], path + ".file");
        if (name is null) return null;
        var table = file(name);
        if (table is null)
        {
            problems.Add(f["file"], path + ".file", $"{name} is not in the folder");
            return null;
        }
        var keyName = problems.Text(f["key"], path + ".key");
        var key = keyName is null ? -1 : Column(f["key"], path + ".key", keyName, table);
        var matchNode = f.GetValueOrDefault("match") ?? f["key"];
        var matchName = problems.Text(matchNode, path + ".match");
        var match = matchName is null ? -1 : Column(matchNode, path + ".match", matchName);
        var takeName = problems.Text(f["take"], path + ".take");
        var take = takeName is null ? -1 : Column(f["take"], path + ".take", takeName, table);
        var missing = f.TryGetValue("missing", out var m) ? problems.Text(m, path + ".missing") : "error";
        if (missing is not ("error" or "empty"))
        {
            if (missing is not null) problems.Add(m!, path + ".missing", $"'{missing}' is not error or empty");
            return null;
        }
        if (key < 0 || match < 0 || take < 0) return null;
        display = source.Header[match];
        return new Lookup(table, key, match, take, missing == "empty");
    }

    private CultureInfo? Culture(YamlNode node, string path)
    {
        var name = problems.Text(node, path);
        if (name is null) return null;
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            problems.Add(node, path, $"'{name}' is not a culture name (e.g. en-US, de-DE, es-ES)");
            return null;
        }
    }

    private static string? Fail(ref bool ok)
    {
        ok = false;
        return null;
    }
}

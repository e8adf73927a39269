using System.Globalization;
using System.Text.RegularExpressions;

namespace RevBot.Testing.Salesforce;

/// <summary>
/// Just enough SOQL for the fake: the selected fields, the FROM object, a WHERE made of the conditions RevBot's
/// queries use (IsDeleted = true, the SystemModstamp/Id bound, OpportunityId IN (…), Id = '…'), and ORDER BY. Anything
/// else is a MALFORMED_QUERY, so a query RevBot changes without teaching the fake fails loudly.
/// </summary>
public sealed partial class FakeSoql
{
    private readonly List<Func<FakeRecord, bool>> _conditions = [];

    private FakeSoql(string sObject, IReadOnlyList<string> fields, IReadOnlyList<(string Field, bool Descending)> order)
    {
        Object = sObject;
        Fields = fields;
        Order = order;
    }

    public string Object { get; }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<(string Field, bool Descending)> Order { get; }

    public bool WantsDeleted { get; private set; }

    /// <summary>The field and ids of an IN condition, when the query has one.</summary>
    public (string Field, IReadOnlySet<string> Ids)? InCondition { get; private set; }

    /// <summary>The SystemModstamp bound, when the query has one (the tests check incremental queries carry it).</summary>
    public DateTimeOffset? After { get; private set; }

    public static FakeSoql? TryParse(string soql, out string? error)
    {
        error = null;
        var m = Statement().Match(soql);
        if (!m.Success)
        {
            error = "unexpected statement";
            return null;
        }
        var order = m.Groups["order"].Success
            ? m.Groups["order"].Value.Split(',', StringSplitOptions.TrimEntries).Select(o => o.Split(' ')).Select(p => (p[0], p.Length > 1 && p[1] == "DESC")).ToList()
            : [];
        var query = new FakeSoql(m.Groups["from"].Value, m.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries), order);
        var where = m.Groups["where"].Success ? m.Groups["where"].Value : "";
        string? problem = null;
        where = Bound().Replace(where, b =>
        {
            var stamp = DateTimeOffset.Parse(b.Groups["at"].Value, CultureInfo.InvariantCulture);
            if (b.Groups["at2"].Value != b.Groups["at"].Value) problem = "the bound's two timestamps differ";
            var id = b.Groups["id"].Value;
            query.After = stamp;
            query._conditions.Add(r => r.SystemModstamp > stamp || (r.SystemModstamp == stamp && string.CompareOrdinal(r.Id, id) > 0));
            return "";
        });
        where = Deleted().Replace(where, _ =>
        {
            query.WantsDeleted = true;
            query._conditions.Add(r => r.IsDeleted);
            return "";
        });
        where = InList().Replace(where, l =>
        {
            var field = l.Groups["field"].Value;
            var ids = Quoted().Matches(l.Groups["list"].Value).Select(q => q.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            query.InCondition = (field, ids);
            query._conditions.Add(r => r[field] is string v && ids.Contains(v));
            return "";
        });
        where = IdEquals().Replace(where, e =>
        {
            var id = e.Groups["id"].Value;
            query._conditions.Add(r => r.Id == id);
            return "";
        });
        error = problem;
        if (where.Replace("AND", "", StringComparison.Ordinal).Trim().Length > 0) error = $"cannot read the condition '{where.Trim()}'";
        return error is null ? query : null;
    }

    /// <summary>The matching records in the query's order; deleted ones only for queryAll.</summary>
    public List<FakeRecord> Run(IEnumerable<FakeRecord> records, bool all)
    {
        var matched = records.Where(r => r.Type == Object && (all || !r.IsDeleted) && _conditions.All(c => c(r))).ToList();
        matched.Sort((a, b) =>
        {
            foreach (var (field, descending) in Order)
            {
                var c = Compare(a[field], b[field]);
                if (c != 0) return descending ? -c : c;
            }
            return 0;
        });
        return matched;
    }

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };

    [GeneratedRegex(@"^SELECT (?<fields>.+?) FROM (?<from>\w+)(?: WHERE (?<where>.+?))?(?: ORDER BY (?<order>.+))?$")]
    private static partial Regex Statement();

    [GeneratedRegex(@"\(SystemModstamp > (?<at>[0-9T:.\-]+Z) OR \(SystemModstamp = (?<at2>[0-9T:.\-]+Z) AND Id > '(?<id>[A-Za-z0-9]+)'\)\)")]
    private static partial Regex Bound();

    [GeneratedRegex(@"IsDeleted = true")]
    private static partial Regex Deleted();

    [GeneratedRegex(@"(?<field>\w+) IN \((?<list>[^)]*)\)")]
    private static partial Regex InList();

    [GeneratedRegex(@"\bId = '(?<id>[A-Za-z0-9]+)'")]
    private static partial Regex IdEquals();

    [GeneratedRegex("'([A-Za-z0-9]+)'")]
    private static partial Regex Quoted();
}

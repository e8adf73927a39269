using System.Globalization;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The question suite: every entry of questions.yaml and of the shared starter set is one test case, named by its
/// question. What a field's absence means is written at the top of questions.yaml.
/// </summary>
public sealed class QuestionSuiteTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var c in QuestionCase.All)
            data.Add(c.Source, c.Index, c.Question);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses(string source, int index, string question)
    {
        var c = QuestionCase.All.Single(x => x.Source == source && x.Index == index);
        var parsed = QuestionParser.Parse(question, TestVocabulary.Context(c.AsOf, c.FiscalStartMonth, c.As));
        var problems = Check(c.Expect, parsed);
        Assert.True(problems.Count == 0, $"{question}\n  {string.Join("\n  ", problems)}\n  got: {Describe(parsed)}");
    }

    [Fact]
    public void The_suite_is_large_and_includes_the_shared_starter_set_when_present()
    {
        var ours = QuestionCase.All.Where(c => c.Source == "suite").ToList();
        Assert.True(ours.Count >= 300, $"questions.yaml has {ours.Count} entries");
        if (QuestionCase.SharedFile() is { } shared)
        {
            foreach (var starter in QuestionCase.Load(shared, "shared"))
                Assert.Contains(ours, c => c.Question == starter.Question);
        }
    }

    internal static List<string> Check(IReadOnlyDictionary<string, object?> expect, ParsedQuestion p)
    {
        var problems = new List<string>();
        void Expect(bool ok, string what)
        {
            if (!ok)
                problems.Add(what);
        }

        Expect(string.Equals(Str(expect, "intent"), p.Intent.ToString(), StringComparison.OrdinalIgnoreCase), $"intent: expected {Str(expect, "intent")}");
        Expect(Str(expect, "metric") == p.Metric, $"metric: expected {Str(expect, "metric") ?? "none"}");
        if (expect.TryGetValue("period", out var period))
        {
            if (period is Dictionary<object, object?> range)
                Expect(p.Period is { } pp && pp.Start == Date(range["start"]) && pp.End == Date(range["end"]), $"period: expected {range["start"]}..{range["end"]}");
            else
                Expect(p.Period is null, "period: expected none");
            if (period is Dictionary<object, object?> withLabel && withLabel.TryGetValue("label", out var label))
                Expect(p.Period?.Label == (string?)label, $"period label: expected '{label}'");
            // The form the label took (issue 18: Period.LabelForm), which decides the words around it in an answer.
            if (period is Dictionary<object, object?> withForm && withForm.TryGetValue("label_form", out var form))
                Expect(string.Equals(p.Period?.LabelForm.ToString(), (string?)form, StringComparison.OrdinalIgnoreCase), $"period label form: expected {form}");
        }
        if (expect.TryGetValue("comparison", out var comparison) && comparison is Dictionary<object, object?> cmp)
        {
            if (cmp.ContainsKey("start"))
                Expect(p.ComparisonPeriod is { } cp && cp.Start == Date(cmp["start"]) && cp.End == Date(cmp["end"]), $"comparison: expected {cmp["start"]}..{cmp["end"]}");
            else
                Expect(p.ComparisonPeriod is null, "comparison period: expected none");
            if (cmp.TryGetValue("kind", out var kind))
                Expect(string.Equals(((string?)kind)?.Replace("_", "", StringComparison.Ordinal), p.Comparison?.ToString(), StringComparison.OrdinalIgnoreCase), $"comparison kind: expected {kind}");
        }
        else
        {
            Expect(p.Comparison is null && p.ComparisonPeriod is null, "comparison: expected none");
        }
        var filters = expect.TryGetValue("filters", out var f) && f is Dictionary<object, object?> fd
            ? fd.ToDictionary(kv => Enum.Parse<Dimension>((string)kv.Key, ignoreCase: true), kv => (string)kv.Value!)
            : [];
        Expect(filters.Count == p.Filters.Count && filters.All(kv => p.Filters.TryGetValue(kv.Key, out var v) && v == kv.Value),
            $"filters: expected {{{string.Join(", ", filters.Select(kv => $"{kv.Key}: {kv.Value}"))}}}");
        CheckConditions(expect, p, Expect);
        var groupBy = Str(expect, "groupBy");
        Expect(groupBy is null ? p.GroupBy is null : string.Equals(groupBy, p.GroupBy?.ToString(), StringComparison.OrdinalIgnoreCase), $"groupBy: expected {groupBy ?? "none"}");
        // then_by: the breakdown within each group ("loss reasons by region"); absent means none.
        var thenBy = Str(expect, "then_by");
        Expect(thenBy is null ? p.ThenBy is null : string.Equals(thenBy, p.ThenBy?.ToString(), StringComparison.OrdinalIgnoreCase), $"then_by: expected {thenBy ?? "none"}");
        var limit = Str(expect, "limit");
        Expect(limit is null ? p.Limit is null : p.Limit == int.Parse(limit, CultureInfo.InvariantCulture), $"limit: expected {limit ?? "none"}");
        if (Str(expect, "language") is { } language)
            Expect(language == p.Language, $"language: expected {language}");
        Expect((Str(expect, "follow_up") == "true") == p.IsFollowUp, $"follow_up: expected {Str(expect, "follow_up") ?? "false"}");
        if (Str(expect, "list_subject") is { } subject)
            Expect(string.Equals(subject, p.ListSubject?.ToString(), StringComparison.OrdinalIgnoreCase), $"list_subject: expected {subject}");
        if (Str(expect, "deal_kind") is { } dealKind)
            Expect(string.Equals(dealKind, p.DealListKind?.ToString(), StringComparison.OrdinalIgnoreCase), $"deal_kind: expected {dealKind}");
        if (Str(expect, "ascending") is { } ascending)
            Expect((ascending == "true") == p.Ascending, $"ascending: expected {ascending}");
        if (expect.TryGetValue("trend", out var trend) && trend is Dictionary<object, object?> t)
        {
            Expect(string.Equals((string?)t["grain"], p.TrendGrain?.ToString(), StringComparison.OrdinalIgnoreCase), $"trend grain: expected {t["grain"]}");
            if (t.TryGetValue("periods", out var n))
                Expect(p.TrendPeriods == int.Parse((string)n!, CultureInfo.InvariantCulture), $"trend periods: expected {n}");
        }
        if (expect.TryGetValue("candidates", out var candidates) && candidates is List<object?> labels)
        {
            foreach (var wanted in labels.Cast<string>())
                Expect(p.Candidates.Any(o => o.Label.Contains(wanted, StringComparison.OrdinalIgnoreCase)), $"candidates: expected one labelled '{wanted}'");
        }
        if (Str(expect, "chart") is { } chart)
            Expect((chart == "true") == p.Chart, $"chart: expected {chart}");
        // Words the reader could not place: each listed one must be named, as the kind of thing it seems to be.
        if (expect.TryGetValue("unplaced", out var unplaced) && unplaced is List<object?> named)
        {
            foreach (var wanted in named.Cast<string>())
                Expect(p.Unplaced.Any(u => u.Text.Contains(wanted, StringComparison.OrdinalIgnoreCase)), $"unplaced: expected '{wanted}' named");
        }
        if (Str(expect, "unplaced_as") is { } reason)
            Expect(p.Unplaced.Any(u => string.Equals(u.Reason.ToString(), reason, StringComparison.OrdinalIgnoreCase)), $"unplaced: expected a {reason}");
        if (Str(expect, "unplaced_kind") is { } unplacedKind)
            Expect(p.Unplaced.Any(u => string.Equals(u.Dimension?.ToString(), unplacedKind, StringComparison.OrdinalIgnoreCase)), $"unplaced: expected one of kind {unplacedKind}");
        if (Str(expect, "search") is { } search)
            Expect(search == p.DealSearch, $"search: expected '{search}'");
        if (string.Equals(Str(expect, "intent"), "unknown", StringComparison.OrdinalIgnoreCase))
            Expect(p.Suggestions.Count is >= 3 and <= 5, "suggestions: expected 3 to 5");
        return problems;
    }

    /// <summary>sets / excluded: {dimension: [keys]}; amount: {min, max, min_inclusive, max_inclusive}; each absent means none.</summary>
    private static void CheckConditions(IReadOnlyDictionary<string, object?> expect, ParsedQuestion p, Action<bool, string> check)
    {
        var sets = new Dictionary<Dimension, (bool Exclude, string Values)>();
        foreach (var (key, exclude) in new[] { ("sets", false), ("excluded", true) })
        {
            if (expect.TryGetValue(key, out var s) && s is Dictionary<object, object?> sd)
            {
                foreach (var (dim, values) in sd)
                    sets[Enum.Parse<Dimension>((string)dim, ignoreCase: true)] = (exclude, string.Join("|", ((List<object?>)values!).Cast<string>()));
            }
        }
        var actual = p.Conditions.Sets.ToDictionary(kv => kv.Key, kv => (kv.Value.Exclude, string.Join("|", kv.Value.Values)));
        check(sets.Count == actual.Count && sets.All(kv => actual.TryGetValue(kv.Key, out var a) && a == kv.Value),
            $"sets: expected {{{string.Join(", ", sets.Select(kv => $"{kv.Key}: {(kv.Value.Exclude ? "not " : "")}{kv.Value.Values}"))}}}");
        if (expect.TryGetValue("amount", out var amount) && amount is Dictionary<object, object?> ad)
        {
            decimal? Bound(string key) => ad.TryGetValue(key, out var v) && v is string t ? decimal.Parse(t, CultureInfo.InvariantCulture) : null;
            bool Flag(string key) => ad.TryGetValue(key, out var v) && v as string == "true";
            var wanted = new AmountRange(Bound("min"), Bound("max"), Flag("min_inclusive"), Flag("max_inclusive"));
            check(wanted == p.Conditions.Amount, $"amount: expected {wanted}");
        }
        else
        {
            check(p.Conditions.Amount is null, "amount: expected none");
        }
    }

    private static string? Str(IReadOnlyDictionary<string, object?> d, string key) => d.TryGetValue(key, out var v) ? v as string : null;

    private static DateOnly Date(object? value) => DateOnly.ParseExact((string)value!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Describe(ParsedQuestion p) =>
        $"{p.Intent} metric={p.Metric ?? "-"} period={(p.Period is { } pp ? $"{pp.Start:yyyy-MM-dd}..{pp.End:yyyy-MM-dd} '{pp.Label}' {pp.Grain}" : "-")} " +
        $"cmp={p.Comparison?.ToString() ?? "-"}/{(p.ComparisonPeriod is { } c ? $"{c.Start:yyyy-MM-dd}..{c.End:yyyy-MM-dd}" : "-")} " +
        $"filters={{{string.Join(", ", p.Filters.Select(kv => $"{kv.Key}: {kv.Value}"))}}} " +
        $"sets={{{string.Join(", ", p.Conditions.Sets.Select(kv => $"{kv.Key}: {(kv.Value.Exclude ? "not " : "")}{string.Join("|", kv.Value.Values)}"))}}} amount={p.Conditions.Amount?.ToString() ?? "-"} groupBy={p.GroupBy?.ToString() ?? "-"}{(p.ThenBy is { } tb ? $"/{tb}" : "")} limit={p.Limit?.ToString(CultureInfo.InvariantCulture) ?? "-"} " +
        $"list={p.ListSubject?.ToString() ?? "-"}/{p.DealListKind?.ToString() ?? "-"} asc={p.Ascending} trend={p.TrendGrain?.ToString() ?? "-"}x{p.TrendPeriods?.ToString(CultureInfo.InvariantCulture) ?? "-"} " +
        $"lang={p.Language} followUp={p.IsFollowUp} conf={p.Confidence.ToString(CultureInfo.InvariantCulture)} candidates=[{string.Join(" | ", p.Candidates.Select(o => $"{o.Label} => {o.Question}"))}] unplaced=[{string.Join(" | ", p.Unplaced.Select(u => $"{u.Text} ({u.Reason} {u.Dimension})"))}]";
}

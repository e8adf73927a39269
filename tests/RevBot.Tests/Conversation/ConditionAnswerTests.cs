using System.Text.Json;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Tests.Conversation;

/// <summary>
/// Amount ranges, value sets and exclusions are stated in the sentence and carried in the JSON, and a follow-up keeps
/// or replaces them: a condition the answer does not say could be wrong without anyone noticing.
/// </summary>
public sealed class ConditionAnswerTests
{
    private static readonly Period Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", PeriodGrain.Quarter);
    private static readonly Period T4 = Q4 with { Label = "T4 2026" };

    private static QueryConditions Over50K { get; } = new() { Amount = new AmountRange(50_000m, null) };

    private static QueryConditions ExcludingEmea { get; } =
        new() { Sets = new Dictionary<Dimension, ValueSet> { [Dimension.Region] = new ValueSet(["EMEA"], Exclude: true) } };

    private static Answer Metric(string language, string metric, Period period, MetricValue value, QueryConditions conditions, IReadOnlyDictionary<Dimension, string>? filters = null) =>
        MetricAnswerComposer.Compose(new ParsedQuestion { Language = language, Metric = metric },
            new MetricResult(new MetricQuery(metric, period, filters ?? MetricQuery.NoFilters) { Conditions = conditions }, value, []), null, "USD");

    [Fact]
    public void An_amount_threshold_is_stated_in_both_languages()
    {
        Assert.Equal("Win rate for deals over $50K, Q4 2026 (Oct 1 – Dec 31, 2026) is 63.2% (12 won of 19 closed).",
            Metric("en", "win_rate", Q4, new MetricValue(12m / 19m, 12, 19), Over50K).Text);
        Assert.Equal("Tasa de cierre para negocios de más de 50.000\u00A0$, en T4 2026 (del 1 oct al 31 dic 2026): 63,2\u00A0% (12 ganados de 19 cerrados).",
            Metric("es", "win_rate", T4, new MetricValue(12m / 19m, 12, 19), Over50K).Text);
    }

    [Theory]
    [InlineData(10_000, 50_000, true, "deals between $10K and $50K", "negocios de entre 10.000\u00A0$ y 50.000\u00A0$")]
    [InlineData(null, 5_000, false, "deals under $5,000", "negocios de menos de 5.000\u00A0$")]
    [InlineData(1_500_000, null, true, "deals of at least $1.5M", "negocios de al menos 1.500.000\u00A0$")]
    [InlineData(null, 2_000_000, true, "deals up to $2M", "negocios de hasta 2.000.000\u00A0$")]
    public void Every_amount_range_reads_aloud(int? min, int? max, bool inclusive, string en, string es)
    {
        var range = new AmountRange(min, max, inclusive, inclusive);
        Assert.Equal(en, ScopeText.Amount(range, new AnswerFormatter("en", "USD")));
        Assert.Equal(es, ScopeText.Amount(range, new AnswerFormatter("es", "USD")));
    }

    [Fact]
    public void An_exclusion_and_a_set_are_stated_with_the_other_filters()
    {
        var filters = new Dictionary<Dimension, string> { [Dimension.Segment] = "Enterprise" };
        Assert.StartsWith("Bookings for Enterprise segment, all regions except EMEA, Q4 2026 (Oct 1 – Dec 31, 2026) is $1.5M",
            Metric("en", "bookings", Q4, new MetricValue(1_500_000m, 12), ExcludingEmea, filters).Text, StringComparison.Ordinal);
        Assert.StartsWith("Ventas cerradas para segmento Enterprise, todas las regiones excepto EMEA, en T4 2026",
            Metric("es", "bookings", T4, new MetricValue(1_500_000m, 12), ExcludingEmea, filters).Text, StringComparison.Ordinal);
        // The small print repeats them too.
        Assert.Contains("all regions except EMEA", Metric("en", "bookings", Q4, new MetricValue(1m, 1), ExcludingEmea).Reply.Context[0], StringComparison.Ordinal);
        var westAndEast = new QueryConditions { Sets = new Dictionary<Dimension, ValueSet> { [Dimension.Region] = new ValueSet(["West", "East"], Exclude: false) } };
        Assert.StartsWith("Bookings for West and East, Q4 2026", Metric("en", "bookings", Q4, new MetricValue(1m, 1), westAndEast).Text, StringComparison.Ordinal);
        Assert.StartsWith("Ventas cerradas para West y East, en T4 2026", Metric("es", "bookings", T4, new MetricValue(1m, 1), westAndEast).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_of_reps_reads_their_names_not_their_keys()
    {
        var reps = new ValueSet(["darcel@example.com", "moses@example.com"], Exclude: true) { Labels = ["Darcel Schlecht", "Moses Frase"] };
        Assert.Equal("all reps except Darcel Schlecht and Moses Frase", ScopeText.Set(Dimension.Owner, reps, language: "en"));
        Assert.Equal("todos los comerciales excepto Darcel Schlecht y Moses Frase", ScopeText.Set(Dimension.Owner, reps, language: "es"));
        Assert.Equal("all deal types except renewals", ScopeText.Set(Dimension.Type, new ValueSet(["renewal"], Exclude: true), language: "en"));
    }

    [Fact]
    public void A_deal_list_states_the_amount_as_part_of_what_it_lists()
    {
        var items = new List<DealListItem> { new("d1", "Acme - Platform", 1_200_000m, "Acme", "Dana", "Proposal", null, null) };
        var query = new DealListQuery(DealListKind.Open, null, MetricQuery.NoFilters, 10) { Conditions = new QueryConditions { Amount = new AmountRange(1_000_000m, null) } };
        Assert.Equal("The biggest open deal over $1M: 1. Acme - Platform $1.2M.", ListAnswerComposer.Deals(new ParsedQuestion { Language = "en" }, query, items, "USD").Text);
        Assert.Equal("El mayor negocio abierto de más de 1.000.000\u00A0$: 1. Acme - Platform 1,2\u00A0M\u00A0$.", ListAnswerComposer.Deals(new ParsedQuestion { Language = "es" }, query, items, "USD").Text);
    }

    [Fact]
    public void The_json_carries_the_sets_and_the_amount()
    {
        var conditions = ExcludingEmea with { Amount = new AmountRange(10_000m, 50_000m, true, true) };
        var json = JsonDocument.Parse(JsonSerializer.Serialize(Metric("en", "bookings", Q4, new MetricValue(1m, 1), conditions))).RootElement;
        var region = json.GetProperty("filterSets").GetProperty("region");
        Assert.Equal(["EMEA"], region.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.True(region.GetProperty("exclude").GetBoolean());
        var amount = json.GetProperty("amount");
        Assert.Equal((10_000m, 50_000m, true, true), (amount.GetProperty("min").GetDecimal(), amount.GetProperty("max").GetDecimal(), amount.GetProperty("minInclusive").GetBoolean(), amount.GetProperty("maxInclusive").GetBoolean()));
        var plain = JsonDocument.Parse(JsonSerializer.Serialize(Metric("en", "bookings", Q4, new MetricValue(1m, 1), QueryConditions.None))).RootElement;
        Assert.True(!plain.TryGetProperty("amount", out var none) || none.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void A_follow_up_keeps_the_conditions_and_replaces_what_it_states()
    {
        var previous = new ParsedQuestion
        {
            Intent = Intent.Metric,
            Metric = "bookings",
            Period = Q4,
            Filters = new Dictionary<Dimension, string> { [Dimension.Segment] = "SMB" },
            Conditions = ExcludingEmea with { Amount = new AmountRange(50_000m, null) },
        };
        // "and win rate?": both conditions stay.
        var kept = FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, Metric = "win_rate", IsFollowUp = true }, previous)!;
        Assert.Equal(previous.Conditions.Amount, kept.Conditions.Amount);
        Assert.Equal(["EMEA"], kept.Conditions.Sets[Dimension.Region].Values);
        // "what about under 5k?": the amount is replaced, the exclusion kept.
        var under = FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, IsFollowUp = true, Conditions = new QueryConditions { Amount = new AmountRange(null, 5_000m) } }, previous)!;
        Assert.Equal(new AmountRange(null, 5_000m), under.Conditions.Amount);
        Assert.True(under.Conditions.Sets[Dimension.Region].Exclude);
        // "what about APAC?": a single region replaces the exclusion; "and excluding SMB" replaces the segment filter.
        var apac = FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, IsFollowUp = true, Filters = new Dictionary<Dimension, string> { [Dimension.Region] = "APAC" } }, previous)!;
        Assert.Equal("APAC", apac.Filters[Dimension.Region]);
        Assert.False(apac.Conditions.Sets.ContainsKey(Dimension.Region));
        var notSmb = FollowUpMerger.Merge(new ParsedQuestion
        {
            Intent = Intent.Metric,
            IsFollowUp = true,
            Conditions = new QueryConditions { Sets = new Dictionary<Dimension, ValueSet> { [Dimension.Segment] = new ValueSet(["SMB"], Exclude: true) } },
        }, previous)!;
        Assert.False(notSmb.Filters.ContainsKey(Dimension.Segment));
        Assert.True(notSmb.Conditions.Sets[Dimension.Segment].Exclude);
        Assert.True(notSmb.Conditions.Sets[Dimension.Region].Exclude);
    }

    [Fact]
    public void The_conditions_survive_the_conversation_store_round_trip()
    {
        var question = new ParsedQuestion
        {
            Intent = Intent.Metric,
            Metric = "bookings",
            Conditions = new QueryConditions
            {
                Sets = new Dictionary<Dimension, ValueSet> { [Dimension.Owner] = new ValueSet(["d@example.com"], Exclude: true) { Labels = ["Darcel"] } },
                Amount = new AmountRange(10_000m, null, MinInclusive: true),
            },
        };
        var loaded = JsonSerializer.Deserialize<ParsedQuestion>(JsonSerializer.Serialize(question))!;
        Assert.Equal(question.Conditions.Amount, loaded.Conditions.Amount);
        var set = loaded.Conditions.Sets[Dimension.Owner];
        Assert.Equal(["d@example.com"], set.Values);
        Assert.True(set.Exclude);
        Assert.Equal(["Darcel"], set.Labels!);
    }
}

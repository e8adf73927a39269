using System.Reflection;
using System.Text.RegularExpressions;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Testing;

namespace RevBot.Tests.Metrics;

/// <summary>
/// A metric is one definition in <see cref="MetricCatalog"/> plus its phrases: this fails while any part is missing
/// (an id, an evaluation, the data it needs, its dimension rules, a name and a definition in every language's text
/// catalog, English and Spanish phrases, its docs/metrics.md entry), and pins what the definitions derive to the per-metric lists they replaced, so the rules did not move.
/// </summary>
public sealed partial class MetricDefinitionCoverageTests
{
    public static TheoryData<string> Metrics() => [.. MetricCatalog.All.Select(m => m.Id.Value)];

    [Theory]
    [MemberData(nameof(Metrics))]
    public async Task Every_metric_has_every_part(string id)
    {
        var metric = MetricCatalog.Get(id);
        Assert.Matches("^[a-z][a-z_]*[a-z]$", id);
        Assert.NotNull(metric.Evaluate);
        Assert.NotEmpty(metric.Needs);
        Assert.All(metric.Needs, any => Assert.NotEmpty(any));
        _ = MetricSupport.Supports(id, Dimension.Owner, breakdown: false);
        foreach (var language in Texts.Languages)
        {
            // Each catalog's own entry, not the English fallback Texts.Get would give for a missing one.
            var catalog = Catalog.ResourceManager.GetResourceSet(Texts.CultureOf(language), createIfNotExists: true, tryParents: false);
            Assert.NotNull(catalog);
            Assert.All(new[] { metric.NameKey, metric.DefinitionKey }, key => Assert.False(string.IsNullOrWhiteSpace(catalog.GetString(key)), $"No {key} in the {language} catalog."));
        }
        Assert.True(NamedBy(EnglishMetricPhrases.Entries, id) || RuleResults.Contains(id), $"No English phrase or rule names {id}.");
        Assert.True(NamedBy(SpanishMetricPhrases.Entries, id) || RuleResults.Contains(id), $"No Spanish phrase or rule names {id}.");
        var page = await File.ReadAllTextAsync(RepoPaths.File("docs", "metrics.md"), TestContext.Current.CancellationToken);
        Assert.Contains($"### `{id}`: {metric.Name("en")}\n\n{metric.Definition("en")}\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ids_and_the_catalog_list_the_same_metrics_once()
    {
        var declared = typeof(MetricIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => ((MetricId)f.GetValue(null)!).Value).ToList();
        var catalog = MetricCatalog.All.Select(m => m.Id.Value).ToList();
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(catalog.Count, catalog.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(declared.Order(StringComparer.Ordinal), catalog.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_metric_a_phrase_or_rule_names_is_in_the_catalog()
    {
        var named = EnglishMetricPhrases.Entries.Concat(SpanishMetricPhrases.Entries).SelectMany(e => MetricCues().Matches(e.Cues))
            .Concat(MetricRules.Rules.SelectMany(r => MetricCues().Matches(r.Tags))).Select(m => m.Groups[1].Value)
            .Concat(MetricRules.Rules.Select(r => r.Result).Where(r => !r.StartsWith('?')))
            .Concat(MetricRules.Ambiguities.SelectMany(a => a.Metrics));
        Assert.All(named, id => Assert.True(MetricCatalog.TryGet(id, out _), $"'{id}' is not a metric."));
    }

    [Fact]
    public void The_metric_id_is_its_string_on_the_wire()
    {
        Assert.Equal("\"win_rate\"", System.Text.Json.JsonSerializer.Serialize(MetricIds.WinRate));
        Assert.Equal("win_rate", $"{MetricIds.WinRate}");
        Assert.Equal(("MetricWinRateName", "MetricLtvToCacDefinition"), (MetricCatalog.Get(MetricIds.WinRate).NameKey, MetricCatalog.Get(MetricIds.LtvToCac).DefinitionKey));
        Assert.Equal(MetricIds.WinRate, System.Text.Json.JsonSerializer.Deserialize<MetricId>("\"win_rate\""));
    }

    [Theory]
    [InlineData("deals_lost")]
    [InlineData("lost_amount")]
    [InlineData("bookings")]
    public void Deal_by_deal_metrics_need_deals_and_take_an_amount(string metric)
    {
        Assert.Equal([[MetricSource.Deals]], MetricSources.For(metric));
        Assert.True(MetricSupport.TakesAmount(metric));
    }

    /// <summary>The lists each rule used to keep by hand, before it was derived from the definitions.</summary>
    [Fact]
    public void Derived_rules_are_the_lists_they_replaced()
    {
        Assert.Equal(Ids("win_rate win_rate_value bookings deals_won deals_lost lost_amount avg_deal_size avg_sales_cycle_days pipeline weighted_pipeline pipeline_created forecast weighted_forecast pipeline_velocity renewal_rate"),
            Where(m => m.TakesAmount));
        Assert.Equal(Ids("win_rate win_rate_value bookings deals_won deals_lost lost_amount avg_deal_size avg_sales_cycle_days pipeline weighted_pipeline pipeline_created forecast weighted_forecast pipeline_velocity"),
            Where(m => m.TakesDealType));
        Assert.Equal(Ids("pipeline weighted_pipeline forecast weighted_forecast forecast_accuracy quota_attainment forecast_attainment pipeline_coverage pipeline_needed"), Where(m => m.WholePeriodOnly));
        Assert.Equal(Ids("pipeline weighted_pipeline"), Where(m => m.IsOpenPipeline));
        Assert.Equal(Ids("win_rate deals_won deals_lost"), Where(m => m.Family == MetricFamily.ClosedCounts));
        Assert.Equal(Ids("nrr grr revenue_churn_rate logo_churn_rate"), Where(m => m.Family == MetricFamily.Cohort));
        Assert.Equal(Ids("deals_lost lost_amount"), Where(m => MetricSupport.Supports(m.Id, Dimension.LossReason, breakdown: true)));
        Assert.Equal(Ids("pipeline weighted_pipeline pipeline_created forecast weighted_forecast"), Where(m => MetricSupport.Supports(m.Id, Dimension.Stage, breakdown: true)));
        Assert.Equal(Ids("arr mrr customers net_new_arr new_arr expansion_arr contraction_arr churned_arr nrr grr revenue_churn_rate logo_churn_rate ltv"),
            Where(m => m.Needs.Count == 1 && m.Needs[0].SequenceEqual([MetricSource.Subscriptions])));
        Assert.Equal([[MetricSource.Deals], [MetricSource.ForecastSnapshots]], MetricSources.For("forecast_accuracy"));
        Assert.Equal([[MetricSource.Deals], [MetricSource.Quotas]], MetricSources.For("pipeline_coverage"));
        Assert.Equal([[MetricSource.Deals], [MetricSource.Subscriptions]], MetricSources.For("expansion_rate"));
        Assert.Equal([[MetricSource.NewBusinessWins, MetricSource.Subscriptions]], MetricSources.For("new_customers"));
        Assert.Equal([[MetricSource.Spend], [MetricSource.NewBusinessWins, MetricSource.Subscriptions]], MetricSources.For("cac"));
        Assert.Equal([[MetricSource.Subscriptions], [MetricSource.Spend], [MetricSource.NewBusinessWins, MetricSource.Subscriptions]], MetricSources.For("ltv_to_cac"));
        // Where a smaller number is good news: an answer's headline shows these going down in green, up in red.
        Assert.Equal(Ids("deals_lost lost_amount avg_sales_cycle_days contraction_arr churned_arr revenue_churn_rate logo_churn_rate cac"), Where(m => !m.HigherIsBetter));
        Assert.Equal(DealType.Renewal, MetricCatalog.Get("renewal_rate").DealType);
        Assert.Equal(DealType.Expansion, MetricCatalog.Get("expansion_rate").DealType);
    }

    private static readonly HashSet<string> RuleResults = [.. MetricRules.Rules.Select(r => r.Result)];

    private static bool NamedBy((string Pattern, string Cues)[] entries, string id) =>
        entries.Any(e => MetricCues().Matches(e.Cues).Any(m => m.Groups[1].Value == id));

    private static string[] Ids(string ids) => [.. ids.Split(' ').Order(StringComparer.Ordinal)];

    private static string[] Where(Func<MetricDefinition, bool> rule) => [.. MetricCatalog.All.Where(rule).Select(m => m.Id.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"(?<![a-z])[mw]:([a-z_]+)")]
    private static partial Regex MetricCues();
}

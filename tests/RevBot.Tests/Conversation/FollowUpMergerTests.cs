using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Tests.Conversation;

public sealed class FollowUpMergerTests
{
    private static readonly Period Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", PeriodGrain.Quarter);
    private static readonly Period Q3 = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "Q3 2026", PeriodGrain.Quarter);

    private static readonly ParsedQuestion WinRateByRegionInEmea = new()
    {
        Intent = Intent.Metric,
        Metric = "win_rate",
        Period = Q4,
        GroupBy = Dimension.Region,
        Filters = new Dictionary<Dimension, string> { [Dimension.Region] = "EMEA" },
    };

    [Fact]
    public void A_new_question_stands_alone()
    {
        var fresh = new ParsedQuestion { Intent = Intent.Metric, Metric = "arr" };
        Assert.Same(fresh, FollowUpMerger.Merge(fresh, WinRateByRegionInEmea));
    }

    [Fact]
    public void And_last_quarter_keeps_the_metric_breakdown_and_filters()
    {
        var merged = FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, Period = Q3, IsFollowUp = true }, WinRateByRegionInEmea)!;
        Assert.Equal("win_rate", merged.Metric);
        Assert.Equal(Q3, merged.Period);
        Assert.Equal(Dimension.Region, merged.GroupBy);
        Assert.Equal("EMEA", merged.Filters[Dimension.Region]);
        Assert.False(merged.IsFollowUp);
    }

    [Fact]
    public void Only_enterprise_adds_a_filter_and_what_about_replaces_one_of_the_same_kind()
    {
        var enterprise = FollowUpMerger.Merge(new ParsedQuestion
        {
            Intent = Intent.Metric,
            IsFollowUp = true,
            Filters = new Dictionary<Dimension, string> { [Dimension.Segment] = "Enterprise" },
        }, WinRateByRegionInEmea)!;
        var apac = FollowUpMerger.Merge(new ParsedQuestion
        {
            Intent = Intent.Metric,
            IsFollowUp = true,
            Filters = new Dictionary<Dimension, string> { [Dimension.Region] = "APAC" },
        }, enterprise)!;

        Assert.Equal("Enterprise", enterprise.Filters[Dimension.Segment]);
        Assert.Equal("EMEA", enterprise.Filters[Dimension.Region]);
        Assert.Equal("APAC", apac.Filters[Dimension.Region]);
        Assert.Equal("Enterprise", apac.Filters[Dimension.Segment]);
    }

    [Fact]
    public void By_rep_changes_the_breakdown_and_compare_with_last_year_adds_a_comparison()
    {
        var byRep = FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, GroupBy = Dimension.Owner, IsFollowUp = true }, WinRateByRegionInEmea)!;
        var compared = FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, Comparison = ComparisonKind.SameLastYear, IsFollowUp = true }, byRep)!;
        Assert.Equal(Dimension.Owner, byRep.GroupBy);
        Assert.Equal(ComparisonKind.SameLastYear, compared.Comparison);
        Assert.Equal(Q4, compared.Period);
    }

    [Fact]
    public void A_follow_up_with_nothing_to_follow_is_not_guessed()
    {
        Assert.Null(FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, Period = Q3, IsFollowUp = true }, previous: null));
    }

    [Fact]
    public void The_answer_language_follows_the_latest_question()
    {
        var merged = FollowUpMerger.Merge(new ParsedQuestion { Intent = Intent.Metric, Period = Q3, IsFollowUp = true, Language = "es" }, WinRateByRegionInEmea)!;
        Assert.Equal("es", merged.Language);
    }
}

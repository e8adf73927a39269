using RevBot.Core.Metrics.Forecast;

namespace RevBot.Tests.Forecasting;

/// <summary>The model's arithmetic on hand-built histories, where the right probability is known.</summary>
public sealed class ForecastModelTests
{
    private static readonly ForecastFeatures Discovery = new(CloseBucket.Ahead, "Discovery", 1, "new", 2, 0);
    private static readonly ForecastFeatures Negotiation = new(CloseBucket.Ahead, "Negotiation", 1, "new", 2, 0);

    private static ForecastCell Cell(int checkpoint, ForecastFeatures f, long deals, long won, decimal each = 1_000m) =>
        new(checkpoint, null, f, deals, deals * each, deals * each * each, won, won * each, won, 0m);

    [Fact]
    public void One_kind_of_deal_gets_exactly_its_historical_win_share()
    {
        // 4 quarters of 10 deals alike, 3 won each time: 30% at every level of the backoff.
        var model = new ForecastModel([.. Enumerable.Range(1, 4).Select(j => Cell(j, Discovery, 10, 3))], [], 4);
        Assert.Equal(0.3, model.Probability(Discovery), 12);
        Assert.Equal(40, model.Examples);
        Assert.True(model.Enough);
    }

    [Fact]
    public void Stages_that_convert_differently_get_their_own_rates_shrunk_toward_the_company_s()
    {
        var model = new ForecastModel([Cell(1, Discovery, 1_000, 100), Cell(1, Negotiation, 1_000, 900)], [], 4);
        // Overall 50%; the bucket level holds both stages (2,000 deals, 1,000 won) so it stays 50%; each stage's cell
        // then mixes its 1,000 deals with 8 pseudo-deals at the level above, and the finer levels hold the same deals.
        var p = 0.5;
        p = (1_000 + (ForecastModel.Prior * p)) / (2_000 + ForecastModel.Prior);
        var discovery = p;
        for (var level = 0; level < 4; level++) discovery = (100 + (ForecastModel.Prior * discovery)) / (1_000 + ForecastModel.Prior);
        Assert.Equal(discovery, model.Probability(Discovery), 12);
        Assert.InRange(model.Probability(Discovery), 0.10, 0.105);
        Assert.InRange(model.Probability(Negotiation), 0.895, 0.90);
    }

    [Fact]
    public void A_deal_unlike_any_seen_borrows_the_nearest_coarser_rate()
    {
        var model = new ForecastModel([Cell(1, Discovery, 100, 20)], [], 4);
        // Same close bucket, a stage never seen: its own levels are empty, so it is the bucket's 20%.
        Assert.Equal(0.2, model.Probability(Discovery with { Stage = "Legal" }), 12);
        // A close bucket never seen: the company's 20%.
        Assert.Equal(0.2, model.Probability(Discovery with { Close = CloseBucket.Later }), 12);
    }

    [Fact]
    public void Pushed_deals_learn_their_lower_rate()
    {
        var pushed = Discovery with { Pushes = 2 };
        var model = new ForecastModel([Cell(1, Discovery, 500, 250), Cell(1, pushed, 500, 50)], [], 4);
        Assert.True(model.Probability(pushed) < 0.11 && model.Probability(Discovery) > 0.49);
    }

    [Fact]
    public void Too_little_history_is_not_enough()
    {
        Assert.False(new ForecastModel([Cell(1, Discovery, ForecastModel.MinExamples - 1, 20)], [], 4).Enough);
        Assert.False(new ForecastModel([Cell(1, Discovery, 500, ForecastModel.MinWins - 1)], [], 4).Enough);
        Assert.True(new ForecastModel([Cell(1, Discovery, ForecastModel.MinExamples, ForecastModel.MinWins)], [], 4).Enough);
    }

    [Fact]
    public void Expectation_and_variance_are_those_of_independent_deals_plus_the_periods_spread()
    {
        // Two past quarters that converted exactly as the model says (spread 0): only the Bernoulli variance is left.
        var model = new ForecastModel([Cell(1, Discovery, 10, 3), Cell(2, Discovery, 10, 3)], [Rate(1, 600m), Rate(2, 400m)], 2);
        var (expected, variance) = model.Open([Cell(0, Discovery, 4, 0, 2_000m)]);
        Assert.Equal(0.3 * 8_000, expected, 6);
        Assert.Equal(0.3 * 0.7 * 4 * 2_000.0 * 2_000.0, variance, 3);
        Assert.Equal(500, model.RunRate, 9);
        // Sample variance of 600 and 400.
        Assert.Equal(20_000, model.RunRateVariance, 9);
        var (p10, p90) = ForecastModel.Range(1_000, 5_000, 10_000);
        Assert.Equal(5_000 - (1.2815515655446004 * 100), p10, 9);
        Assert.Equal(5_000 + (1.2815515655446004 * 100), p90, 9);
        Assert.Equal(4_900, ForecastModel.Range(4_900, 5_000, 10_000).P10, 9);
    }

    [Fact]
    public void Slip_rate_is_the_share_of_deals_expected_in_the_period_that_did_not_close_in_it()
    {
        var expected = new ForecastCell(1, null, Discovery, 10, 0m, 0m, 3, 0m, 6, 0m);
        var later = new ForecastCell(1, null, Discovery with { Close = CloseBucket.Later }, 10, 0m, 0m, 0, 0m, 0, 0m);
        Assert.Equal(0.4, new ForecastModel([expected, later], [], 1).SlipRate!.Value, 12);
    }

    private static ForecastRunRate Rate(int checkpoint, decimal amount) => new(checkpoint, null, 0m, 1, amount);
}

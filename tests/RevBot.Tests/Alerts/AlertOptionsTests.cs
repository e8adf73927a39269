using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core;
using RevBot.Core.Alerts;
using RevBot.Core.Settings;

namespace RevBot.Tests.Alerts;

public sealed class AlertOptionsTests
{
    private static AlertOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddRevBotCore(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<AlertOptions>>().Value;
    }

    [Fact]
    public void The_defaults_are_valid_and_the_weights_add_up_to_100()
    {
        var options = Bind([]);

        Assert.Empty(options.Problems());
        var c = options.Churn;
        Assert.Equal(100, c.UsageWeight + c.SupportWeight + c.RenewalWeight + c.ContractionWeight + c.QuietWeight);
        var e = options.Expansion;
        Assert.Equal((100, 50), (e.UsageWeight + e.SeatsWeight + e.HealthWeight + e.GapWeight, e.MinScore));
        Assert.Equal((75, 14, 14, 3, 25), (options.Stalled.StageNormPercentile, options.Stalled.StageNormFloorDays, options.Stalled.NoActivityDays, options.Stalled.CloseDatePushes, options.Stalled.AmountCutPercent));
    }

    [Fact]
    public void Settings_bind_from_the_alerts_section()
    {
        var options = Bind(new() { ["Alerts:Stalled:NoActivityDays"] = "21", ["Alerts:Churn:UsageWeight"] = "40", ["Alerts:Churn:LowSatisfaction"] = "3" });

        Assert.Equal((21, 40, 3.0), (options.Stalled.NoActivityDays, options.Churn.UsageWeight, options.Churn.LowSatisfaction));
    }

    [Theory]
    [InlineData("Alerts:Stalled:StageNormPercentile", "100", "Alerts:Stalled:StageNormPercentile must be a percentile from 1 to 99 (got 100).")]
    [InlineData("Alerts:Stalled:NoActivityDays", "0", "Alerts:Stalled:NoActivityDays must be a number of days from 1 to 3650 (got 0).")]
    [InlineData("Alerts:Churn:UsageWeight", "-5", "Alerts:Churn:UsageWeight must be a weight from 0 to 100 (got -5).")]
    [InlineData("Alerts:Churn:LowSatisfaction", "7", "Alerts:Churn:LowSatisfaction must be a satisfaction score from 1 to 5 (got 7).")]
    [InlineData("Alerts:Expansion:SeatsWeight", "101", "Alerts:Expansion:SeatsWeight must be a weight from 0 to 100 (got 101).")]
    [InlineData("Alerts:Expansion:NearLimitPercent", "0", "Alerts:Expansion:NearLimitPercent must be a percentage from 1 to 100 (got 0).")]
    [InlineData("Alerts:Expansion:Plans:Pro:Next", "Gold", "Alerts:Expansion:Plans:Pro:Next names plan 'Gold', which is not under Alerts:Expansion:Plans.")]
    [InlineData("Alerts:Expansion:Plans:Pro:MonthlyEvents", "0", "Alerts:Expansion:Plans:Pro:MonthlyEvents must be a number of events of 1 or more (got 0).")]
    public void A_bad_setting_fails_with_one_sentence_naming_it(string key, string value, string problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddRevBotCore(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertOptions>>().Value);

        Assert.Equal([problem], ex.Failures);
    }

    [Fact]
    public void Weights_that_cannot_reach_the_minimum_score_are_refused()
    {
        var options = new AlertOptions { Churn = new ChurnRiskSettings { MinScore = 50, UsageWeight = 10, SupportWeight = 10, RenewalWeight = 10, ContractionWeight = 10, QuietWeight = 5 } };

        Assert.Equal(["Alerts:Churn: the weights add up to 45, below MinScore 50, so no account could ever be alerted."], options.Problems());
        Assert.True(new CheckedOptionsValidator<AlertOptions>().Validate(null, options).Failed);
    }
}

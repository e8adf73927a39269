using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core;
using RevBot.Core.Outbox;

namespace RevBot.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new OutboxOptions().Problems());
    }

    [Theory]
    [InlineData("PollInterval", "00:00:00", "Outbox:PollInterval")]
    [InlineData("BatchSize", "0", "Outbox:BatchSize")]
    [InlineData("Parallelism", "100", "Outbox:Parallelism")]
    [InlineData("MaxBackoff", "00:00:01", "Outbox:MaxBackoff")]
    [InlineData("ClaimLease", "00:00:30", "Outbox:ClaimLease")]
    public void A_bad_setting_stops_the_start_with_one_sentence_naming_it(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Outbox:{key}"] = value }).Build();
        using var services = new ServiceCollection().AddRevBotCore(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OutboxOptions>>().Value);

        Assert.Single(error.Failures);
        Assert.StartsWith(named, error.Failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_lease_must_cover_a_whole_batch()
    {
        var options = new OutboxOptions { BatchSize = 200, ClaimLease = TimeSpan.FromMinutes(5) };

        Assert.Contains(options.Problems(), p => p.StartsWith("Outbox:ClaimLease", StringComparison.Ordinal));
    }
}

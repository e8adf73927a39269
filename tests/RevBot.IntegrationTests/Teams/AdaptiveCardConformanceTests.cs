using System.Text.Json;
using RevBot.Teams.Protocol.Activities;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Teams;

/// <summary>Every card RevBot can send parses, validates and renders in Microsoft's Adaptive Cards JavaScript SDK with no warnings.</summary>
public sealed class AdaptiveCardConformanceTests
{
    [Fact]
    public async Task Every_card_passes_the_adaptive_cards_sdk_with_no_warnings_at_version_1_5()
    {
        NodeConformance.RequireTools();
        var file = Path.Combine(Path.GetTempPath(), $"revbot-teams-cards-{Guid.NewGuid():N}.json");
        var cards = TeamsCardSamples.All().Select(s => new { name = s.Name, card = s.Card });
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(cards, BotJson.Options), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await NodeConformance.RunAsync("teams/cards.mjs", file);
            Assert.True(exitCode == 0, $"The Adaptive Cards SDK reported:\n{output}");
            Assert.Contains($"{TeamsCardSamples.All().Count} cards checked, 0 problems", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_checker_itself_reports_a_broken_card()
    {
        NodeConformance.RequireTools();
        var file = Path.Combine(Path.GetTempPath(), $"revbot-teams-cards-{Guid.NewGuid():N}.json");
        const string broken = """[{"name":"broken","card":{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlok","text":"x"},{"type":"Input.Text","id":"a","isRequired":true}]}}]""";
        await File.WriteAllTextAsync(file, broken, TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await NodeConformance.RunAsync("teams/cards.mjs", file);
            Assert.Equal(1, exitCode);
            Assert.Contains("UnknownElementType", output, StringComparison.Ordinal);
            Assert.Contains("RequiredInputsShouldHaveLabel", output, StringComparison.Ordinal);
            Assert.Contains("is not at most 1.5", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

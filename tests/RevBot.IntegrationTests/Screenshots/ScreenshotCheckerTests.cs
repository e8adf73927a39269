using RevBot.Testing;

namespace RevBot.IntegrationTests.Screenshots;

/// <summary>
/// The checks in render.mjs bite: hand-made cards with a split amount, a column wider than a phone, an image without
/// alt text, a payload over Teams' limit and a code-block table that wraps are each reported, at the width where they
/// happen; a plain card is not.
/// </summary>
public sealed class ScreenshotCheckerTests
{
    private const string Batch = """
        [
          { "name": "clean.teams.en", "platform": "teams", "card": { "type": "AdaptiveCard", "version": "1.5", "body": [
            { "type": "TextBlock", "text": "Win rate is 42.0% this quarter.", "wrap": true },
            { "type": "Image", "url": "https://revbot.example.com/images/x.png", "altText": "Bar chart of win rate" } ] } },
          { "name": "split.teams.en", "platform": "teams", "card": { "type": "AdaptiveCard", "version": "1.5", "body": [
            { "type": "ColumnSet", "columns": [
              { "type": "Column", "width": "stretch", "items": [ { "type": "TextBlock", "text": "Account", "wrap": true } ] },
              { "type": "Column", "width": "stretch", "items": [ { "type": "TextBlock", "text": "Owner", "wrap": true } ] },
              { "type": "Column", "width": "stretch", "items": [ { "type": "TextBlock", "text": "Stage", "wrap": true } ] },
              { "type": "Column", "width": "stretch", "items": [ { "type": "TextBlock", "text": "Negotiation", "wrap": true } ] },
              { "type": "Column", "width": "stretch", "items": [ { "type": "TextBlock", "text": "$584,000", "wrap": true } ] } ] } ] } },
          { "name": "wide.teams.en", "platform": "teams", "card": { "type": "AdaptiveCard", "version": "1.5", "body": [
            { "type": "ColumnSet", "columns": [ { "type": "Column", "width": "400px", "items": [ { "type": "TextBlock", "text": "A wide column" } ] } ] } ] } },
          { "name": "noalt.teams.en", "platform": "teams", "card": { "type": "AdaptiveCard", "version": "1.5", "body": [
            { "type": "Image", "url": "https://revbot.example.com/images/y.png" } ] } },
          { "name": "big.teams.en", "platform": "teams", "card": { "type": "AdaptiveCard", "version": "1.5", "fallbackText": "BIG",
            "body": [ { "type": "TextBlock", "text": "Small to look at, large on the wire." } ] } },
          { "name": "table.slack.en", "platform": "slack", "card": { "text": "x", "blocks": [
            { "type": "section", "text": { "type": "mrkdwn", "text": "```#  Deal                        Owner         Amount\n1  Acme Corporation renewal    Ana García    $584,000```" } } ] } },
          { "name": "fields.slack.en", "platform": "slack", "card": { "text": "x", "blocks": [
            { "type": "section", "fields": [ { "type": "mrkdwn", "text": "*Total*\n$1,234,567,890,123,456" }, { "type": "mrkdwn", "text": "*Owner*\nAna" } ] } ] } },
          { "name": "noalt.slack.en", "platform": "slack", "card": { "text": "x", "blocks": [
            { "type": "image", "image_url": "https://revbot.example.com/images/z.png", "alt_text": " " } ] } }
        ]
        """;

    [Fact]
    public async Task Each_check_reports_the_card_that_breaks_it_and_only_where_it_breaks()
    {
        ScreenshotTools.Require();
        var folder = TestFiles.NewFolder("checker");
        var batch = TestFiles.NewPath("batch.json");
        await File.WriteAllTextAsync(batch, Batch.Replace("\"BIG\"", $"\"{new string('x', 30_000)}\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (exitCode, output) = await ScreenshotTools.RenderAsync(batch, folder, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        var results = ScreenshotResult.Read(folder).ToDictionary(r => $"{r.Name}@{r.Width}");
        Assert.Equal(16, results.Count);
        Assert.All(results.Values, r => Assert.True(new FileInfo(Path.Combine(folder, r.Png)).Length > 500, $"{r.Png} is missing or empty"));
        Assert.Empty(results["clean.teams.en@320"].Problems());
        Assert.Empty(results["clean.teams.en@500"].Problems());
        Assert.Contains("$584,000", results["split.teams.en@320"].SplitTokens);
        Assert.Contains("Negotiation", results["split.teams.en@320"].SplitTokens);
        Assert.Empty(results["split.teams.en@500"].SplitTokens);
        Assert.NotEmpty(results["wide.teams.en@320"].Overflow);
        Assert.Empty(results["wide.teams.en@500"].Overflow);
        Assert.NotEmpty(results["noalt.teams.en@500"].MissingAlt);
        Assert.NotEmpty(results["big.teams.en@500"].Oversized);
        Assert.Empty(results["big.teams.en@500"].SplitTokens);
        Assert.Contains(results["table.slack.en@320"].Overflow, o => o.StartsWith("code block wraps", StringComparison.Ordinal));
        Assert.Empty(results["table.slack.en@500"].Overflow);
        Assert.Contains("$1,234,567,890,123,456", results["fields.slack.en@320"].SplitTokens);
        Assert.NotEmpty(results["noalt.slack.en@320"].MissingAlt);
    }
}

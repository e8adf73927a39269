using RevBot.Core.Metrics;
using RevBot.Testing;

namespace RevBot.Tests.Metrics;

/// <summary>docs/metrics.md states each catalog definition word for word, so the page and the bot never disagree.</summary>
public sealed class MetricDocsTests
{
    [Fact]
    public async Task The_metrics_page_states_every_catalog_definition()
    {
        var page = await File.ReadAllTextAsync(RepoPaths.File("docs", "metrics.md"), TestContext.Current.CancellationToken);
        var missing = MetricCatalog.All.Where(m => !page.Contains($"### `{m.Id}`: {m.Name("en")}\n\n{m.Definition("en")}\n", StringComparison.Ordinal)).Select(m => m.Id).ToList();
        Assert.True(missing.Count == 0, $"docs/metrics.md lacks the catalog definition of: {string.Join(", ", missing)}");
    }
}

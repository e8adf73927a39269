using RevBot.Core.Replies;
using RevBot.Host.Cli;

namespace RevBot.IntegrationTests.Ask;

/// <summary>The terminal renderer's own words follow the answer's language: a Spanish answer never ends in "Try:".</summary>
public sealed class TextReplyLanguageTests
{
    private static readonly Reply Sample = new()
    {
        Title = "Tasa de cierre · T4 2026",
        Text = "Tasa de cierre en T4 2026: 60,3 %.",
        Table = new ReplyTable(["Región", "Tasa"], [["West", "60 %"]], 4),
        Actions = [new ReplyAction("ask", "Por comercial", "tasa de cierre T4 2026 por comercial")],
    };

    [Fact]
    public void Spanish_answers_say_prueba_and_mas()
    {
        var text = TextReplyRenderer.Render(Sample, "es");
        Assert.Contains("  Prueba: tasa de cierre T4 2026 por comercial", text, StringComparison.Ordinal);
        Assert.Contains("… y 3 más", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Try:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_answers_say_try_and_more()
    {
        var text = TextReplyRenderer.Render(Sample, "en");
        Assert.Contains("  Try: tasa de cierre T4 2026 por comercial", text, StringComparison.Ordinal);
        Assert.Contains("… and 3 more", text, StringComparison.Ordinal);
    }
}

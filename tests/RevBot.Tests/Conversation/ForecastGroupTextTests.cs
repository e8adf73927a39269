using RevBot.Testing;

namespace RevBot.Tests.Conversation;

/// <summary>
/// "Forecast by region": each group the text names (the first five) gets its own deals driving it and its risks, in
/// the text and as a card section after the table, in the asker's language; a sixth group is only counted.
/// </summary>
public sealed class ForecastGroupTextTests
{
    [Theory]
    [InlineData("en", "In EMEA: Driving it: Hauck <Group> & Sons EMEA", "Risks: 96 deals worth $4.98M are past their close date")]
    [InlineData("es", "En EMEA: La mueven: Hauck <Group> & Sons EMEA", "Riesgos: 96 negocios")]
    public void Each_named_group_has_its_deals_and_risks(string language, string group, string risks)
    {
        var reply = HeadlineReplySamples.ForecastByRegion(language);

        Assert.Contains(group, reply.Text, StringComparison.Ordinal);
        Assert.Contains(risks, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Middle East:", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["North America", "EMEA", "APAC", "LATAM", "Other <&>"], reply.Sections.Select(s => s.Title));
        var emea = reply.Sections[1];
        Assert.Equal(2, emea.Items.Count);
        Assert.Contains("Hauck <Group> & Sons EMEA", emea.Items[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("North America", emea.Items[0].Text, StringComparison.Ordinal);
        Assert.StartsWith(risks[..risks.IndexOf(':', StringComparison.Ordinal)], emea.Items[1].Text, StringComparison.Ordinal);
        // The card's lead stops before the table: the groups' details are in the sections, not repeated above it.
        Assert.DoesNotContain("Sons EMEA", reply.Lead, StringComparison.Ordinal);
    }
}

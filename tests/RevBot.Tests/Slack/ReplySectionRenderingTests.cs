using RevBot.Core.Replies;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Tests.Slack;

/// <summary>A reply's titled lists in Block Kit: a section each, within Slack's limits, saying what was left out.</summary>
public sealed class ReplySectionRenderingTests
{
    private static Reply WithSections(params ReplySection[] sections) => new()
    {
        Kind = ReplyKind.Digest, Title = "Sales digest", Text = "Bookings: $1.2M.", Sections = sections,
        Context = ["Last week: Nov 23 – 29, 2026."],
    };

    [Fact]
    public void Each_section_is_a_titled_numbered_list_after_the_facts_and_before_the_small_print()
    {
        var reply = WithSections(
            new ReplySection("Top deals won", [new ReplySectionItem("Acme <Labs> — Renewal · $240K · Ana"), new ReplySectionItem("Globex · $90K")], "No deals won.") { Id = "top_won" },
            new ReplySection("Stalled deals", [], "No stalled deals.") { Id = "stalled_deals" }) with
        { Facts = [new ReplyFact("Bookings", "$1.2M")] };

        var blocks = ReplyRenderer.Render(reply).Blocks;

        Assert.Collection(blocks,
            b => Assert.IsType<HeaderBlock>(b),
            b => Assert.Equal("Bookings: $1.2M.", Assert.IsType<SectionBlock>(b).Text!.Text),
            b => Assert.NotNull(Assert.IsType<SectionBlock>(b).Fields),
            b => Assert.Equal(("section_top_won", "*Top deals won*\n1. Acme &lt;Labs&gt; — Renewal · $240K · Ana\n2. Globex · $90K"), (b.BlockId, Assert.IsType<SectionBlock>(b).Text!.Text)),
            b => Assert.Equal(("section_stalled_deals", "*Stalled deals*\n_No stalled deals._"), (b.BlockId, Assert.IsType<SectionBlock>(b).Text!.Text)),
            b => Assert.IsType<ContextBlock>(b));
    }

    [Theory]
    [InlineData("en", "… and {0} more")]
    [InlineData("es", "… y {0} más")]
    public void A_list_too_long_for_one_section_is_cut_and_says_how_many_are_left(string language, string more)
    {
        var items = Enumerable.Range(1, 200).Select(i => new ReplySectionItem($"Deal number {i} with a long enough name · $1,000,000 · Someone")).ToList();

        var text = Assert.IsType<SectionBlock>(ReplyRenderer.Render(WithSections(new ReplySection("Open deals", items, "None.") { Id = "x" }), new ReplyRenderOptions { Language = language }).Blocks[2]).Text!.Text;

        Assert.InRange(text.Length, 2000, BlockKitLimits.SectionText);
        var shown = text.Split('\n').Count(l => char.IsDigit(l[0]));
        Assert.EndsWith("_" + string.Format(System.Globalization.CultureInfo.InvariantCulture, more, 200 - shown) + "_", text, StringComparison.Ordinal);
        Assert.Contains($"\n{shown}. Deal number {shown} with", text, StringComparison.Ordinal);
    }

    [Fact]
    public void More_sections_than_blocks_allowed_keep_the_small_print_and_say_how_many_are_left()
    {
        var sections = Enumerable.Range(1, 80).Select(i => new ReplySection($"List {i}", [new ReplySectionItem("one")], "None.") { Id = $"s{i}" }).ToArray();

        var blocks = ReplyRenderer.Render(WithSections(sections)).Blocks;

        Assert.Equal(BlockKitLimits.MessageBlocks, blocks.Count);
        Assert.IsType<ContextBlock>(blocks[^1]);
        var shown = blocks.Count(b => b.BlockId?.StartsWith("section_s", StringComparison.Ordinal) == true);
        Assert.Equal($"_… and {80 - shown} more_", Assert.IsType<SectionBlock>(blocks[^2]).Text!.Text);
    }
}

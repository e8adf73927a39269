using RevBot.Core.Replies;
using RevBot.Slack;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Testing;

namespace RevBot.Tests.Slack;

/// <summary>
/// Tables in Slack as real lists that wrap on a phone, never a code block: sections of rows ("*Name*  $584K" and a
/// second line) or, for a breakdown, one field per row, within Block Kit's limits.
/// </summary>
public sealed class PhoneListTests
{
    [Fact]
    public void No_answer_with_a_table_sends_a_code_block()
    {
        var replies = ListReplySamples.All().Select(s => s.Reply).Append(TeamsCardSamples.Metric()).Append(Many(400, detail: true)).Append(Many(400, detail: false));
        foreach (var reply in replies)
        {
            var json = SlackJson.Serialize(ReplyRenderer.Render(reply).Blocks);
            Assert.DoesNotContain("```", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_deal_list_is_sections_of_five_rows_each_a_bold_name_with_its_amount_and_a_second_line()
    {
        var blocks = ReplyRenderer.Render(ListReplySamples.TopDeals("en")).Blocks;
        var rows = blocks.Skip(2).Cast<SectionBlock>().ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Fields));
        var lines = rows[0].Text!.Text.Split('\n');
        Assert.Equal(2 * ListText.RowsPerSection, lines.Length);
        Assert.Equal(["*Acme Corporation – renewal 2021*  $553K", "Ana García · Negotiation · closes Dec 1, 2026"], lines[..2]);
    }

    [Fact]
    public void A_breakdown_is_one_field_per_row_under_a_heading_line()
    {
        var table = Assert.IsType<SectionBlock>(ReplyRenderer.Render(ListReplySamples.Breakdown()).Blocks[2]);

        Assert.Equal("*Region*  ·  Win rate  ·  vs Q3", table.Text!.Text);
        Assert.Equal(["*North America*\n44.1%  ·  +3.2 pts", "*EMEA*\n39.8%  ·  −1.0 pts", "*Latin America*\n41.0%  ·  +0.4 pts", "*APAC*\n38.2%  ·  +5.9 pts"], table.Fields!.Select(f => f.Text));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_long_list_shows_its_first_rows_then_how_many_more_in_the_answers_language_within_every_limit(bool detail)
    {
        var reply = Many(400, detail) with { Actions = [new ReplyAction("ask", "More", "more")] };
        var blocks = ReplyRenderer.Render(reply, new ReplyRenderOptions { Language = "es" }).Blocks;

        Assert.InRange(blocks.Count, 1, BlockKitLimits.MessageBlocks);
        Assert.IsType<ActionsBlock>(blocks[^1]);
        var more = Assert.IsType<ContextBlock>(blocks[^2]);
        Assert.Equal($"_… y {1000 - ListText.MaxRows} más_", ((MrkdwnText)more.Elements[0]).Text);
        var sections = blocks.OfType<SectionBlock>().Skip(1).ToList();
        Assert.All(sections, s => Assert.InRange(s.Text?.Text.Length ?? 0, 0, BlockKitLimits.SectionText));
        Assert.All(sections, s => Assert.InRange(s.Fields?.Count ?? 0, 0, BlockKitLimits.SectionFields));
        var shown = detail ? sections.Sum(s => s.Text!.Text.Split('\n').Length / 2) : sections.Sum(s => s.Fields!.Count);
        Assert.Equal(ListText.MaxRows, shown);
    }

    /// <summary>A list of <paramref name="rows"/> of 1,000 deals: with owners (a second line) or as a name and amount only.</summary>
    private static Reply Many(int rows, bool detail) => new()
    {
        Kind = ReplyKind.List,
        Title = "All open deals",
        Text = "1,000 open deals.",
        Table = new ReplyTable(detail ? ["Deal", "Owner", "Amount"] : ["Deal", "Amount"],
            [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)(detail
                ? [$"Expansion opportunity number {i} with a long name", $"Owner <{i}> & Co", $"${i * 1000:N0}"]
                : [$"Expansion opportunity number {i}", $"${i * 1000:N0}"]))],
            1000)
        { NumericColumns = new HashSet<int> { detail ? 2 : 1 } },
    };
}

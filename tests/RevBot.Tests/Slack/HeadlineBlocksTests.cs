using RevBot.Core.Replies;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Tests.Slack;

/// <summary>
/// A Slack answer leads with its number in bold after the title, then its move with ▲/▼ and the comparison in words
/// (mrkdwn has no colours), then the period as small print; the message shows the lead while its notification text
/// keeps the full sentence.
/// </summary>
public sealed class HeadlineBlocksTests
{
    private static Reply Answer(string delta = "▼ 2.0 pts vs Q3 2026", ReplyTone tone = ReplyTone.Good) => new()
    {
        Title = "Revenue churn rate · Q4 2026",
        Text = "Revenue churn rate for Q4 2026 is 3.0%, down 2.0 pts from 5.0% in Q3 2026. By segment: SMB 4.0%, Enterprise 1.0%.",
        Lead = "Revenue churn rate for Q4 2026 is 3.0%, down 2.0 pts from 5.0% in Q3 2026.",
        Headline = new ReplyHeadline("3.0%", "Revenue churn rate")
        {
            Delta = new ReplyDelta(delta, ReplyDirection.Down, tone),
            Scope = "Q4 2026: Oct 1 – Dec 31, 2026",
        },
        Table = new ReplyTable(["Segment", "Revenue churn rate"], [["SMB", "4.0%"], ["Enterprise", "1.0%"]], 2),
        Context = ["Q4 2026: Oct 1 – Dec 31, 2026", "ARR lost to churn and contraction, over starting ARR."],
    };

    [Fact]
    public void The_number_in_bold_and_its_move_in_words_come_right_after_the_title()
    {
        var message = ReplyRenderer.Render(Answer());

        Assert.Equal("Revenue churn rate · Q4 2026", Assert.IsType<HeaderBlock>(message.Blocks[0]).Text.Text);
        Assert.Equal("*3.0%*  Revenue churn rate\n▼ 2.0 pts vs Q3 2026", Assert.IsType<SectionBlock>(message.Blocks[1]).Text!.Text);
        Assert.Equal("Q4 2026: Oct 1 – Dec 31, 2026", Assert.Single(Assert.IsType<ContextBlock>(message.Blocks[2]).Elements).Text);
        Assert.Equal(Answer().Lead, Assert.IsType<SectionBlock>(message.Blocks[3]).Text!.Text);
        // The period line is not repeated at the end; the definition still is.
        var end = Assert.IsType<ContextBlock>(message.Blocks[^1]);
        Assert.Equal(["ARR lost to churn and contraction, over starting ARR."], end.Elements.Select(e => e.Text));
        // The notification text is the complete sentence, rows included.
        Assert.Contains("SMB 4.0%", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(message.Blocks.OfType<SectionBlock>(), b => b.Text?.Text.Contains("By segment", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_move_reads_the_same_whatever_its_tone_since_mrkdwn_has_no_colour()
    {
        var good = ReplyRenderer.Render(Answer(tone: ReplyTone.Good)).Blocks[1];
        var bad = ReplyRenderer.Render(Answer("▲ 2.0 pts vs Q3 2026", ReplyTone.Bad)).Blocks[1];
        Assert.Contains("▼ 2.0 pts vs Q3 2026", Assert.IsType<SectionBlock>(good).Text!.Text, StringComparison.Ordinal);
        Assert.Contains("▲ 2.0 pts vs Q3 2026", Assert.IsType<SectionBlock>(bad).Text!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_headline_value_is_escaped()
    {
        var reply = Answer() with { Headline = new ReplyHeadline("<1> & 2", "A*B") };
        Assert.Equal("*&lt;1&gt; &amp; 2*  A*B", Assert.IsType<SectionBlock>(ReplyRenderer.Render(reply).Blocks[1]).Text!.Text);
    }
}

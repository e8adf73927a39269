
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Tests.Slack;

public sealed class MrkdwnTests
{
    [Fact]
    public void Escape_replaces_only_the_three_control_characters() =>
        Assert.Equal("a &amp; b &lt;c&gt; *d* _e_", Mrkdwn.Escape("a & b <c> *d* _e_"));

    [Theory]
    [InlineData("abcdef&amp;", 8, "abcdef…")]
    [InlineData("abc&amp;defgh", 9, "abc&amp;…")]
    [InlineData("abcdefgh", 8, "abcdefgh")]
    [InlineData("abcdefghi", 8, "abcdefg…")]
    public void Fit_never_cuts_an_entity(string text, int max, string expected) => Assert.Equal(expected, Mrkdwn.Fit(text, max));

    [Fact]
    public void Fit_never_splits_a_surrogate_pair() => Assert.Equal("ab…", Mrkdwn.Fit("ab😀cd", 4));

    [Fact]
    public void Chunks_split_at_spaces_within_the_limit()
    {
        var chunks = Mrkdwn.Chunks("aaaa bbbb cccc dddd", 10, 3);
        Assert.Equal(["aaaa bbbb", "cccc dddd"], chunks);
    }

    [Theory]
    [InlineData("ask", "ask")]
    [InlineData("ask:12", "ask")]
    [InlineData("deal.open:x", "deal.open:x")]
    [InlineData("share", "share")]
    public void Action_ids_recover_their_reply_action_id(string actionId, string expected) => Assert.Equal(expected, SlackActionIds.BaseId(actionId));

    [Fact]
    public void Only_repeated_action_ids_get_a_suffix() =>
        Assert.Equal(["ask:1", "deal.open", "ask:2", "share"], SlackActionIds.Compose(["ask", "deal.open", "ask", "share"]));
}

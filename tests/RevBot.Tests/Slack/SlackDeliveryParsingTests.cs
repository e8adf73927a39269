using System.Text.Json;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.App.Interactions;
using RevBot.Tests.Interactions;

namespace RevBot.Tests.Slack;

/// <summary>What the ack path reads from Slack payloads decides what gets answered and where.</summary>
public sealed class SlackDeliveryParsingTests
{
    [Theory]
    [InlineData("<@U0BOT> win rate this quarter", "win rate this quarter")]
    [InlineData("what about <@U0BOT|revbot> bookings?", "what about   bookings?")]
    [InlineData("<@W123ABC>", "")]
    [InlineData("no mention", "no mention")]
    public void Mentions_are_stripped_from_the_question(string text, string expected) =>
        Assert.Equal(expected, SlackEventDelivery.StripMentions(text));

    [Theory]
    [InlineData("""{"type":"app_mention","user":"U1","channel":"C1","ts":"1.1","text":"hi"}""", true)]
    [InlineData("""{"type":"message","channel_type":"im","user":"U1","channel":"D1","ts":"1.1","text":"hi"}""", true)]
    [InlineData("""{"type":"app_home_opened","user":"U1","tab":"home"}""", true)]
    [InlineData("""{"type":"app_home_opened","user":"U1","tab":"messages"}""", false)]
    [InlineData("""{"type":"message","channel_type":"channel","user":"U1","channel":"C1","ts":"1.1","text":"hi"}""", false)]
    [InlineData("""{"type":"message","channel_type":"im","bot_id":"B1","user":"U1","channel":"D1","ts":"1.1","text":"hi"}""", false)]
    [InlineData("""{"type":"message","channel_type":"im","subtype":"message_changed","channel":"D1","ts":"1.1"}""", false)]
    [InlineData("""{"type":"reaction_added","user":"U1"}""", false)]
    public void Only_mentions_dms_and_the_home_tab_from_people_are_answered(string evt, bool answered)
    {
        using var doc = JsonDocument.Parse($$"""{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":""" + evt + "}");
        Assert.Equal(answered, SlackEventDelivery.From(doc.RootElement).IsForUs);
    }

    [Fact]
    public void A_button_press_names_its_base_action_the_message_and_its_thread()
    {
        using var doc = JsonDocument.Parse("""
            {"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"channel":{"id":"C1"},
             "message":{"ts":"2.2","thread_ts":"1.1"},"container":{"is_ephemeral":false},
             "response_url":"https://hooks.example.com/actions/1","actions":[{"action_id":"ask:3","value":"bookings"}]}
            """);
        var a = SlackActionDelivery.From(doc.RootElement);

        Assert.Equal(("T1", "U1", "C1", "ask", "bookings", "2.2", "1.1", false), (a.Team, a.User, a.Channel, a.ActionId, a.Value, a.MessageTs, a.MessageThreadTs, a.IsEphemeral));
        Assert.True(SlackActionProcessor.Handles(a));
        Assert.False(SlackActionProcessor.Handles(a with { ActionId = "open_deal" }));
        Assert.False(a.FromHome);
    }

    [Fact]
    public void A_press_on_the_home_tab_is_known_by_its_view_and_has_no_channel_or_message()
    {
        using var doc = JsonDocument.Parse("""
            {"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"container":{"type":"view","view_id":"V1"},
             "view":{"id":"V1","type":"home"},"trigger_id":"t1","actions":[{"action_id":"alert.mute","value":"stalled_deal"}]}
            """);
        var a = SlackActionDelivery.From(doc.RootElement);

        Assert.Equal(("U1", null, "alert.mute", "stalled_deal", null, null, true), (a.User, a.Channel, a.ActionId, a.Value, a.MessageTs, a.ResponseUrl, a.FromHome));
        Assert.True(SlackInteractionProcessor.Handles(a, CardActionRoutesTests.Registered));
    }

    [Fact]
    public void Conversation_keys_tie_follow_ups_to_a_thread_a_dm_or_a_users_commands()
    {
        Assert.Equal("slack:T1:C1:1.1", SlackConversationKeys.Thread("T1", "C1", "1.1"));
        Assert.Equal("slack:T1:D1", SlackConversationKeys.DirectMessage("T1", "D1"));
        Assert.Equal("slack:T1:C1:U1:cmd", SlackConversationKeys.Command("T1", "C1", "U1"));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Core.Domain;
using RevBot.Teams.App.Conversations;
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Tests.Teams;

public sealed class BotActivityTests
{
    // A channel message as Teams sends it (ids shortened), with members RevBot does not model.
    private const string ChannelMessage = """
        {
          "type": "message",
          "id": "1700000000000",
          "timestamp": "2025-10-01T09:30:00.123Z",
          "localTimestamp": "2025-10-01T11:30:00.123+02:00",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Ana López", "aadObjectId": "7faf80cd-0000-4000-8000-000000000001" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "tenant-1", "id": "19:general@thread.tacv2;messageid=1700000000000" },
          "recipient": { "id": "28:bot-app-id", "name": "RevBot" },
          "textFormat": "plain",
          "text": "<at>RevBot</at> win rate   this quarter",
          "attachments": [{ "contentType": "text/html", "content": "<div><at>RevBot</at> win rate this quarter</div>" }],
          "entities": [
            { "type": "mention", "mentioned": { "id": "28:bot-app-id", "name": "RevBot" }, "text": "<at>RevBot</at>" },
            { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web", "timezone": "Europe/Madrid" }
          ],
          "channelData": {
            "teamsChannelId": "19:general@thread.tacv2",
            "teamsTeamId": "19:team@thread.tacv2",
            "channel": { "id": "19:general@thread.tacv2", "name": "General" },
            "team": { "id": "19:team@thread.tacv2", "name": "Revenue", "aadGroupId": "group-1" },
            "tenant": { "id": "tenant-1" }
          },
          "locale": "en-US",
          "callerId": "urn:botframework:azure"
        }
        """;

    [Fact]
    public void A_teams_channel_message_reads_into_the_typed_model()
    {
        var activity = Parse(ChannelMessage);

        Assert.Equal((ActivityTypes.Message, "msteams", "channel"), (activity.Type, activity.ChannelId, activity.Conversation!.ConversationType));
        Assert.Equal("tenant-1", activity.TenantId);
        Assert.Equal(("19:team@thread.tacv2", "Revenue", "General"), (activity.ChannelData!.Team!.Id, activity.ChannelData.Team.Name, activity.ChannelData.Channel!.Name));
        Assert.Equal("7faf80cd-0000-4000-8000-000000000001", activity.From!.AadObjectId);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 9, 30, 0, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.True(Mentions.MentionsRecipient(activity));
        Assert.Equal("win rate this quarter", Mentions.TextWithoutBotMention(activity));
        Assert.Equal("Europe/Madrid", activity.Entities![1].Properties!["timezone"].GetString());
    }

    [Fact]
    public void Members_not_modelled_survive_a_round_trip()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Parse(ChannelMessage), BotJson.Options))!;

        Assert.Equal("urn:botframework:azure", (string?)json["callerId"]);
        Assert.Equal("19:team@thread.tacv2", (string?)json["channelData"]!["teamsTeamId"]);
        Assert.Equal("US", (string?)json["entities"]![1]!["country"]);
    }

    [Fact]
    public void An_action_execute_invoke_exposes_its_verb_and_data()
    {
        var activity = Parse("""
            {
              "type": "invoke", "name": "adaptiveCard/action", "id": "f:1", "channelId": "msteams",
              "serviceUrl": "https://smba.trafficmanager.net/amer/",
              "conversation": { "id": "a:1xyz", "conversationType": "personal", "tenantId": "tenant-1" },
              "from": { "id": "29:1abc" }, "recipient": { "id": "28:bot" }, "replyToId": "1699999999999",
              "value": { "action": { "type": "Action.Execute", "verb": "ask", "data": { "value": "pipeline by stage", "note": "typed" } }, "trigger": "manual" }
            }
            """);

        var invoke = activity.GetValue<AdaptiveCardInvokeValue>()!;

        Assert.Equal(AdaptiveCardInvokeValue.InvokeName, activity.Name);
        Assert.Equal(("Action.Execute", "ask", "manual"), (invoke.Action!.Type, invoke.Action.Verb, invoke.Trigger));
        Assert.Equal("pipeline by stage", invoke.Action.Data!.Value.GetProperty("value").GetString());
    }

    [Fact]
    public void An_installation_update_and_members_added_are_read()
    {
        var install = Parse("""{ "type": "installationUpdate", "action": "add", "conversation": { "id": "a:1", "conversationType": "personal" } }""");
        var added = Parse("""{ "type": "conversationUpdate", "membersAdded": [{ "id": "28:bot" }, { "id": "29:user" }], "recipient": { "id": "28:bot" } }""");

        Assert.Equal("add", install.Action);
        Assert.Equal(["28:bot", "29:user"], added.MembersAdded!.Select(m => m.Id));
    }

    [Fact]
    public void A_reply_is_addressed_back_to_the_sender_in_the_same_conversation()
    {
        var incoming = Parse(ChannelMessage);
        var reply = incoming.ReplyWith(BotActivity.Message("31.2%"));

        Assert.Equal(("28:bot-app-id", "29:1abc", incoming.Conversation!.Id, "1700000000000"), (reply.From!.Id, reply.Recipient!.Id, reply.Conversation!.Id, reply.ReplyToId));
        Assert.Equal(("31.2%", "plain", "en-US"), (reply.Text, reply.TextFormat, reply.Locale));
        Assert.Null(reply.Properties);
    }

    [Fact]
    public void A_conversation_address_comes_from_the_activity()
    {
        var address = ConversationAddress.From(Parse(ChannelMessage));
        Assert.Equal(new ConversationAddress("https://smba.trafficmanager.net/emea/", "19:general@thread.tacv2;messageid=1700000000000"), address);
        Assert.Throws<ArgumentException>(() => ConversationAddress.From(new BotActivity { Type = ActivityTypes.Message }));
    }

    [Fact]
    public void A_channel_message_becomes_a_reference_to_the_channel_for_proactive_posts()
    {
        var now = new DateTime(2025, 10, 1, 9, 30, 0, DateTimeKind.Utc);
        var reference = TeamsConversationReferences.From(Parse(ChannelMessage), now);

        Assert.Equal((ChatPlatform.Teams, "19:general@thread.tacv2", "channel"), (reference.Platform, reference.ConversationId, reference.Kind));
        Assert.Equal(("tenant-1", "19:team@thread.tacv2", "General", "28:bot-app-id"), (reference.TenantId, reference.TeamId, reference.ChannelName, reference.BotId));
        Assert.Null(reference.PlatformUserId);
        Assert.Equal(new ConversationAddress("https://smba.trafficmanager.net/emea/", "19:general@thread.tacv2"), TeamsConversationReferences.ToAddress(reference));
    }

    private static BotActivity Parse(string json) => JsonSerializer.Deserialize<BotActivity>(json, BotJson.Options)!;
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Chat;
using RevBot.Core.Domain;

namespace RevBot.IntegrationTests.Teams;

/// <summary>POST /api/messages through the real host: authentication, dedup, answers, references, welcome, invokes.</summary>
public sealed class TeamsMessagesEndpointTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";

    private static string NewConversation() => $"a:{Guid.NewGuid():N}";

    private static bool HasReply(List<RecordedRequest> sent) => sent.Any(r => r.Path.Contains("/activities/", StringComparison.Ordinal));

    private static JsonElement CardOf(RecordedRequest request)
    {
        var attachment = TeamsBotHost.Parse(request.Body).GetProperty("attachments")[0];
        Assert.Equal(CardType, attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    [Fact]
    public async Task A_message_is_acknowledged_then_answered_with_typing_first_and_a_card_reply()
    {
        var conversation = NewConversation();
        var activity = host.Activity("message", conversation, "pipeline by stage");

        using var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await host.SentToAsync(conversation, HasReply);
        Assert.Equal(2, sent.Count);
        Assert.Equal("typing", TeamsBotHost.Parse(sent[0].Body).GetProperty("type").GetString());
        Assert.Equal($"/amer/v3/conversations/{conversation}/activities/{activity["id"]}", sent[1].Path);
        Assert.StartsWith("Bearer ", sent[1].Authorization, StringComparison.Ordinal);
        var reply = TeamsBotHost.Parse(sent[1].Body);
        Assert.Equal((string?)activity["id"], reply.GetProperty("replyToId").GetString());
        var card = CardOf(sent[1]);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains("Pipeline", card.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_invalid_token_is_refused_with_401_and_nothing_is_processed()
    {
        var conversation = NewConversation();
        var activity = host.Activity("message", conversation, "pipeline by stage");

        using var forged = await host.PostAsync(activity, "not-a-jwt");
        using var missing = await host.Http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        await host.QueuedWorkDoneAsync();
        Assert.Empty(await host.SentToAsync(conversation, _ => true));
        var id = (string)activity["id"]!;
        Assert.False(await host.WithDbAsync(db => db.InboundDeliveries.AnyAsync(d => d.DeliveryId == id, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_replayed_activity_is_acknowledged_but_answered_once()
    {
        var conversation = NewConversation();
        var activity = host.Activity("message", conversation, "win rate this quarter");

        using var first = await host.PostAsync(activity);
        using var replay = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await host.SentToAsync(conversation, HasReply);
        await host.QueuedWorkDoneAsync();
        var sent = await host.SentToAsync(conversation, _ => true);
        Assert.Single(sent, r => r.Path.Contains("/activities/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bot_mention_is_stripped_before_the_question_is_asked()
    {
        var plain = NewConversation();
        var mentioned = $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1700000000000";
        var withMention = host.Activity("message", mentioned, "<at>RevBot</at> pipeline by stage", "channel");
        withMention["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>RevBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:revbot", ["name"] = "RevBot" },
        });

        (await host.PostAsync(host.Activity("message", plain, "pipeline by stage"))).Dispose();
        (await host.PostAsync(withMention)).Dispose();

        var plainCard = CardOf((await host.SentToAsync(plain, HasReply)).Single(r => r.Path.Contains("/activities/", StringComparison.Ordinal)));
        var mentionCard = CardOf((await host.SentToAsync(mentioned, HasReply)).Single(r => r.Path.Contains("/activities/", StringComparison.Ordinal)));
        Assert.Equal(plainCard.GetRawText(), mentionCard.GetRawText());
        Assert.DoesNotContain("<at>", mentionCard.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installation_stores_the_conversation_reference_and_sends_the_welcome_card_and_removal_deactivates_it()
    {
        var conversation = NewConversation();
        var install = host.Activity("installationUpdate", conversation);
        install["action"] = "add";

        using var response = await host.PostAsync(install);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await host.WithDbAsync(db => db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == conversation, TestContext.Current.CancellationToken));
        Assert.Equal(ChatPlatform.Teams, stored.Platform);
        Assert.Equal("personal", stored.Kind);
        Assert.Equal(host.Connector.ServiceUrl, stored.ServiceUrl);
        Assert.Equal(TestTokens.TenantId, stored.TenantId);
        Assert.Equal("29:user-1", stored.PlatformUserId);
        Assert.True(stored.Active);

        var welcome = Assert.Single(await host.SentToAsync(conversation, s => s.Count > 0));
        Assert.Equal("Hi, I'm RevBot", CardOf(welcome).GetProperty("body")[0].GetProperty("text").GetString());

        // Teams also sends conversationUpdate with the bot added: the same install is not welcomed twice.
        var added = host.Activity("conversationUpdate", conversation);
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:revbot" });
        (await host.PostAsync(added)).Dispose();

        var remove = host.Activity("installationUpdate", conversation);
        remove["action"] = "remove";
        (await host.PostAsync(remove)).Dispose();
        Assert.False(await host.WithDbAsync(db => db.ConversationReferences.AsNoTracking()
            .Where(r => r.ConversationId == conversation).Select(r => r.Active).SingleAsync(TestContext.Current.CancellationToken)));
        await host.QueuedWorkDoneAsync();
        Assert.Single(await host.SentToAsync(conversation, _ => true));
    }

    [Fact]
    public async Task An_ask_card_action_is_acknowledged_in_the_invoke_response_body_itself_and_answered_in_a_new_message()
    {
        var conversation = NewConversation();
        var invoke = host.Activity("invoke", conversation);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ask", ["data"] = new JsonObject { ["value"] = "pipeline by stage" } },
            ["trigger"] = "manual",
        };

        using var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = TeamsBotHost.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["statusCode", "type", "value"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        // A drill-down: the invoke response only says the answer follows (Teams leaves the card pressed as it was).
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        var answer = (await host.SentToAsync(conversation, s => s.Any(r => r.Body.Contains("attachments", StringComparison.Ordinal))))
            .Single(r => r.Body.Contains("attachments", StringComparison.Ordinal));
        Assert.Equal($"/amer/v3/conversations/{conversation}/activities", answer.Path);
        Assert.Equal("AdaptiveCard", CardOf(answer).GetProperty("type").GetString());
        Assert.Contains("Pipeline", CardOf(answer).GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_verb_is_an_error_response_and_other_invokes_are_not_implemented()
    {
        var unknown = host.Activity("invoke", NewConversation());
        unknown["name"] = "adaptiveCard/action";
        unknown["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "launch-rockets" } };
        var other = host.Activity("invoke", NewConversation());
        other["name"] = "composeExtension/query";

        using var error = await host.PostAsync(unknown);
        using var notImplemented = await host.PostAsync(other);

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        var body = TeamsBotHost.Parse(await error.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotImplemented, notImplemented.StatusCode);
    }

    [Fact]
    public async Task Bad_json_is_400_and_a_body_over_one_megabyte_is_413()
    {
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.ValidToken());
        var big = host.Activity("message", NewConversation(), new string('x', 1024 * 1024 + 10));

        using var badResponse = await host.Http.SendAsync(bad, TestContext.Current.CancellationToken);
        using var bigResponse = await host.PostAsync(big);

        Assert.Equal(HttpStatusCode.BadRequest, badResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bigResponse.StatusCode);
    }

    [Fact]
    public async Task Other_activity_types_are_acknowledged_and_ignored()
    {
        var conversation = NewConversation();
        using var response = await host.PostAsync(host.Activity("messageReaction", conversation));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.QueuedWorkDoneAsync();
        Assert.Empty(await host.SentToAsync(conversation, _ => true));
    }
}

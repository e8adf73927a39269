using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;
using RevBot.Testing;

namespace RevBot.Tests.Teams;

/// <summary>The JSON on the wire: discriminators and enum spellings as in the Adaptive Cards 1.5 schema, nulls omitted.</summary>
public sealed class CardJsonTests
{
    [Fact]
    public void A_card_starts_with_its_type_schema_and_version_and_omits_nulls()
    {
        var json = WorkingOnIt.Card(null).ToJson();

        Assert.StartsWith("""{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock",""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Enums_are_spelled_as_the_schema_spells_them_whatever_the_serializer_options()
    {
        var block = new TextBlock { Text = "x", Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Attention, HorizontalAlignment = HorizontalAlignment.Right };
        var json = JsonSerializer.Serialize<CardElement>(block); // default options: still strings

        Assert.Contains("\"Size\":\"extraLarge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Weight\":\"bolder\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Color\":\"attention\"", json, StringComparison.Ordinal);
        Assert.Contains("\"HorizontalAlignment\":\"right\"", json, StringComparison.Ordinal);
        Assert.StartsWith("{\"type\":\"TextBlock\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_element_and_action_type_is_written_with_its_schema_name()
    {
        var json = TeamsInputFormSample.Create().ToJson();
        string[] types =
        [
            "RichTextBlock", "TextRun", "ColumnSet", "Column", "Image", "Container", "Input.Text", "Input.Number", "Input.Date", "Input.Time",
            "Input.ChoiceSet", "Input.Toggle", "ActionSet", "Action.ToggleVisibility", "Action.Execute", "Action.Submit", "Action.ShowCard", "Action.OpenUrl",
        ];
        foreach (var type in types) Assert.Contains($"\"type\":\"{type}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"2025-09-30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"width\":\"80px\"", json, StringComparison.Ordinal);
        Assert.Contains("\"width\":\"auto\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"secondary\"", json, StringComparison.Ordinal);
        Assert.Contains("\"targetElements\":[{\"elementId\":\"details\"}]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refresh_carries_an_action_execute_and_the_user_ids()
    {
        var card = new AdaptiveCard
        {
            Refresh = new CardRefresh(new ExecuteAction { Verb = "refresh", Data = new { question = "win rate" } }, ["29:abc"]),
            MsTeams = TeamsCardProperties.FullWidth,
        };
        var node = JsonNode.Parse(card.ToJson())!;

        Assert.Equal("""{"action":{"type":"Action.Execute","verb":"refresh","data":{"question":"win rate"}},"userIds":["29:abc"]}""", node["refresh"]!.ToJsonString());
        Assert.Equal("""{"width":"Full"}""", node["msteams"]!.ToJsonString());
    }

    [Fact]
    public void Teams_refreshes_cards_for_at_most_sixty_users() =>
        Assert.Throws<ArgumentException>(() => new CardRefresh(new ExecuteAction { Verb = "refresh" }, [.. Enumerable.Range(0, 61).Select(i => $"29:{i}")]));

    [Fact]
    public void A_card_attachment_has_the_adaptive_card_content_type()
    {
        var json = JsonSerializer.Serialize(BotActivity.Message(null, WelcomeCard.Create().ToAttachment()), BotJson.Options);
        var attachment = JsonNode.Parse(json)!["attachments"]![0]!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
    }

    [Fact]
    public void Invoke_responses_have_exactly_the_shapes_teams_documents()
    {
        var card = WorkingOnIt.Card(null);
        var cardJson = Json(AdaptiveCardInvokeResponse.Card(card));
        var message = Json(AdaptiveCardInvokeResponse.Message("Saved."));
        var error = Json(AdaptiveCardInvokeResponse.Error(400, "BadRequest", "That deal is closed."));

        Assert.Equal($$"""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{{card.ToJson()}}}""", cardJson);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved."}""", message);
        Assert.Equal("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"That deal is closed."}}""", error);
        Assert.Equal(200, InvokeResponse.ForCardAction(AdaptiveCardInvokeResponse.Message("x")).Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveCardInvokeResponse.Error(200, "Ok", "not an error"));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, BotJson.Options);
}

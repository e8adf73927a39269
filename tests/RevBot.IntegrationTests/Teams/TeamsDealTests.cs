using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;

namespace RevBot.IntegrationTests.Teams;

/// <summary>Deals from Teams end to end: Action.Execute invokes through /api/messages with a signed token.</summary>
public sealed class TeamsDealTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
{
    private const string TeamsUser = "aad-deal-user";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_opens_a_form_card_an_invalid_amount_comes_back_with_its_error_and_a_valid_one_updates_the_deal_and_the_card()
    {
        var deal = await host.WithDbAsync(db => db.Deals.AsNoTracking().Where(d => d.OwnerId != null && d.Status == DealStatus.Open).OrderBy(d => d.Id).FirstAsync(Ct));
        await host.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == deal.OwnerId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, TeamsUser), Ct);
            return 0;
        });

        var card = await InvokeAsync("deal.open", new JsonObject { ["value"] = deal.Id });
        var update = Verb(card, "deal.update");

        var form = await InvokeAsync("deal.update", JsonNode.Parse(update.GetProperty("data").GetRawText())!.AsObject());
        var submit = Verb(form, "deal.update");
        Assert.Contains(Inputs(form), i => i.GetProperty("id").GetString() == "amount" && i.GetProperty("type").GetString() == "Input.Number");

        // Teams merges the inputs into the action's data.
        JsonObject Submission(string amount)
        {
            var data = JsonNode.Parse(submit.GetProperty("data").GetRawText())!.AsObject();
            foreach (var input in Inputs(form))
                data[input.GetProperty("id").GetString()!] = input.TryGetProperty("value", out var v) ? v.ToString() : "";
            data["amount"] = amount;
            data["closeDate"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return data;
        }

        var again = await InvokeAsync("deal.update", Submission("-5"));
        var raw = again.GetRawText();
        Assert.Contains("\"color\":\"attention\"", raw.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Inputs(again), i => i.GetProperty("id").GetString() == "amount");
        Assert.Equal(deal.Version, (await DealAsync(deal.Id)).Version);

        var updated = await InvokeAsync("deal.update", Submission("98765"));
        Assert.Contains("98,765", updated.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Updated by", updated.GetRawText(), StringComparison.Ordinal);
        var saved = await DealAsync(deal.Id);
        Assert.Equal(98_765m, saved.Amount);
        Assert.Equal(deal.Version + 1, saved.Version);
        Assert.True(await host.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityId == deal.Id && a.Channel == ChangeChannel.Teams, Ct)));
    }

    private Task<Deal> DealAsync(string id) => host.WithDbAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, Ct));

    /// <summary>Posts an Action.Execute invoke and returns the card of the response (asserting it is a card).</summary>
    private async Task<JsonElement> InvokeAsync(string verb, JsonObject data)
    {
        var invoke = host.Activity("invoke", "a:deal-conversation");
        invoke["from"] = new JsonObject { ["id"] = "29:deal-user", ["name"] = "Rep", ["aadObjectId"] = TeamsUser };
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        using var response = await host.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsBotHost.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.True("application/vnd.microsoft.card.adaptive" == body.GetProperty("type").GetString(), body.GetRawText());
        return body.GetProperty("value");
    }

    private static JsonElement Verb(JsonElement card, string verb) =>
        All(card).First(e => e.TryGetProperty("verb", out var v) && v.GetString() == verb);

    private static IEnumerable<JsonElement> Inputs(JsonElement card) =>
        All(card).Where(e => e.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal));

    private static IEnumerable<JsonElement> All(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            yield return e;
            foreach (var p in e.EnumerateObject())
                foreach (var x in All(p.Value)) yield return x;
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                foreach (var x in All(item)) yield return x;
        }
    }
}

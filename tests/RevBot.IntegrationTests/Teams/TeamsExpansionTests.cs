using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Domain;
using RevBot.IntegrationTests.Alerts;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// "Create expansion deal" from Teams: an Action.Execute invoke answers with the deal form as an Adaptive Card,
/// prefilled; submitting it (Teams merges the inputs into the action's data) creates one expansion deal, answered
/// with the new deal's card; the same submission delivered again makes no second deal.
/// </summary>
public sealed class TeamsExpansionTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
{
    private const string TeamsUser = "aad-expansion-user";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_expansion_deal_answers_with_the_prefilled_form_and_its_submission_creates_one_deal()
    {
        var (accountId, name, suggested) = await host.WithScopeAsync(sp => ExpansionReadyAccount.PrepareAsync(sp, skip: 1, Ct));
        var userId = await host.WithDbAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Role == UserRole.Rep).OrderBy(u => u.Id).FirstAsync(Ct);
            user.TeamsUserId = TeamsUser;
            await db.SaveChangesAsync(Ct);
            return user.Id;
        });

        var form = await InvokeAsync(ExpansionActionIds.Create, new JsonObject { ["value"] = accountId });
        var values = Inputs(form).ToDictionary(i => i.GetProperty("id").GetString()!, i => i.TryGetProperty("value", out var v) ? v.ToString() : "");
        Assert.Equal($"{name} - expansion", values["name"]);
        Assert.Equal(suggested.ToString("0", System.Globalization.CultureInfo.InvariantCulture), values["amount"]);
        Assert.Contains("Suggested amount", form.GetRawText(), StringComparison.Ordinal);

        var data = JsonNode.Parse(Verb(form, ExpansionActionIds.Form).GetProperty("data").GetRawText())!.AsObject();
        foreach (var (id, value) in values) data[id] = value;
        var card = await InvokeAsync(ExpansionActionIds.Form, data);
        var again = await InvokeAsync(ExpansionActionIds.Form, data.DeepClone().AsObject());

        Assert.Contains("created", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains($"{name} - expansion", again.GetRawText(), StringComparison.Ordinal);
        var deal = await host.WithDbAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.AccountId == accountId && d.Type == DealType.Expansion && d.Status == DealStatus.Open, Ct));
        Assert.Equal((suggested, userId), (deal.Amount, deal.OwnerId));
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityId == deal.Id && a.Channel == ChangeChannel.Teams && a.Action == "create", Ct)));
    }

    private async Task<JsonElement> InvokeAsync(string verb, JsonObject data)
    {
        var invoke = host.Activity("invoke", "a:expansion-conversation");
        invoke["from"] = new JsonObject { ["id"] = "29:expansion-user", ["name"] = "Rep", ["aadObjectId"] = TeamsUser };
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

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Slack.Protocol.Endpoints;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// Deals from Slack end to end: "/revbot deal …" shows the card, Update opens a modal (views.open with the press's
/// trigger_id), the submission is answered in the HTTP response (errors) or applied and the card replaced in place.
/// </summary>
public sealed partial class SlackDealTests(SlackBotHost host) : IClassFixture<SlackBotHost>
{
    private const string Channel = "C700";
    private const string MessageTs = "1700000700.000100";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deal_is_found_opened_in_a_modal_validated_updated_in_place_and_a_replay_or_a_stale_form_changes_nothing()
    {
        var deal = await RepDealAsync();

        // "/revbot deal <name>": the card (or a pick list whose button opens it) comes back at the command's response_url.
        var card = await CardAsync(deal);
        var update = Buttons(card).Single(b => b.GetProperty("action_id").GetString() == "deal.update");

        // Update: the modal is opened with the press's trigger_id.
        await Interact(Press("deal.update", update.GetProperty("value").GetString()!, "trig-700", "card-700"));
        var open = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "views.open" && r.Body.Contains("trig-700", StringComparison.Ordinal))).Single().Body);
        Assert.Equal("trig-700", open.GetProperty("trigger_id").GetString());
        var view = open.GetProperty("view");
        Assert.Equal("modal", view.GetProperty("type").GetString());
        Assert.Equal("deal.update", view.GetProperty("callback_id").GetString());
        Assert.Contains(Inputs(view), b => b.GetProperty("block_id").GetString() == "amount");

        // An invalid amount: the modal stays open with the message next to the amount field.
        var invalid = await Interact(Submission(view, new() { ["amount"] = "-5" }));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = SlackBotHost.Json(await invalid.Content.ReadAsStringAsync(Ct));
        Assert.Equal("errors", errors.GetProperty("response_action").GetString());
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty("errors").GetProperty("amount").GetString()));
        Assert.Equal(deal.Version, (await DealAsync(deal.Id)).Version);

        // A comma that does not group thousands is never read as one ("12,50" was once stored as 1250).
        var misplaced = SlackBotHost.Json(await (await Interact(Submission(view, new() { ["amount"] = "12,50" }))).Content.ReadAsStringAsync(Ct));
        Assert.Contains("commas only between thousands", misplaced.GetProperty("errors").GetProperty("amount").GetString(), StringComparison.Ordinal);
        Assert.Equal((deal.Version, deal.Amount), ((await DealAsync(deal.Id)).Version, (await DealAsync(deal.Id)).Amount));

        // Valid values: the modal closes (an empty 200), the row and the audit log change, the card is replaced in place.
        var closeDate = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var valid = Submission(view, new() { ["amount"] = "123456", ["closeDate"] = closeDate });
        var ok = await Interact(valid);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("", await ok.Content.ReadAsStringAsync(Ct));
        var replaced = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "/respond/card-700")).Last().Body);
        Assert.True(replaced.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Updated by", replaced.GetProperty("blocks").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("123,456", replaced.GetProperty("blocks").GetRawText(), StringComparison.Ordinal);
        var saved = await DealAsync(deal.Id);
        Assert.Equal(123_456m, saved.Amount);
        Assert.Equal(deal.Version + 1, saved.Version);
        var audit = await AuditAsync(deal.Id);
        var entry = Assert.Single(audit);
        Assert.Equal(ChangeChannel.Slack, entry.Channel);
        Assert.Contains("123456", entry.Changes, StringComparison.Ordinal);

        // Slack retries the same submission: applied once.
        Assert.Equal(HttpStatusCode.OK, (await Interact(valid)).StatusCode);
        Assert.Equal(saved.Version, (await DealAsync(deal.Id)).Version);
        Assert.Single(await AuditAsync(deal.Id));

        // A form opened at the old version, submitted now: refused with a fresh card saying what changed.
        // (The replayed submission above may still be updating the card in the background: wait for the stale answer
        // itself, not for "one more update", which the replay's late update could satisfy.)
        var stale = new ReplyFormState(deal.Id, deal.Version, "stale-700").Encode();
        Assert.Equal(HttpStatusCode.OK, (await Interact(Submission(view, new() { ["amount"] = "1" }, stale))).StatusCode);
        var fresh = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "/respond/card-700"
            && r.Body.Contains("changed since you opened it", StringComparison.Ordinal))).Last().Body);
        Assert.True(fresh.GetProperty("replace_original").GetBoolean());
        Assert.Equal(123_456m, (await DealAsync(deal.Id)).Amount);
        Assert.Single(await AuditAsync(deal.Id));
    }

    private async Task<Deal> RepDealAsync()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        return await db.Deals.AsNoTracking().Where(d => d.Owner!.Email == host.RepEmail && d.Status == DealStatus.Open)
            .OrderBy(d => d.Id).FirstAsync(Ct);
    }

    private async Task<Deal> DealAsync(string id)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RevBotDb>().Deals.AsNoTracking().SingleAsync(d => d.Id == id, Ct);
    }

    private async Task<List<AuditEntry>> AuditAsync(string id)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RevBotDb>().AuditLog.AsNoTracking()
            .Where(a => a.EntityId == id && a.Channel == ChangeChannel.Slack).ToListAsync(Ct);
    }

    /// <param name="n">Names this search's response_url hooks, so tests in this class don't read each other's.</param>
    private async Task<JsonElement> CardAsync(Deal deal, string n = "700")
    {
        var body = $"command=%2Frevbot&text={Uri.EscapeDataString("deal " + deal.Name)}&team_id=T1&channel_id={Channel}&user_id={SlackBotHost.RepSlackId}"
            + $"&response_url={Uri.EscapeDataString(host.Fake.BaseUri + $"respond/find-{n}")}&trigger_id=trig-find";
        Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded")).StatusCode);
        var answer = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == $"/respond/find-{n}")).Single().Body);
        if (Buttons(answer).Any(b => b.GetProperty("action_id").GetString() == "deal.update")) return answer;
        // Several hits: the pick list's button for this deal opens its card in place.
        var pick = Buttons(answer).First(b => b.GetProperty("action_id").GetString()!.StartsWith("deal.open", StringComparison.Ordinal)
            && b.GetProperty("value").GetString() == deal.Id);
        await Interact(Press(pick.GetProperty("action_id").GetString()!, deal.Id, "trig-pick", $"pick-{n}"));
        return SlackBotHost.Json((await host.WaitForAsync(r => r.Method == $"/respond/pick-{n}")).Single().Body);
    }

    private string Press(string actionId, string value, string triggerId, string hook) => JsonSerializer.Serialize(new
    {
        type = "block_actions",
        team = new { id = "T1" },
        user = new { id = SlackBotHost.RepSlackId },
        channel = new { id = Channel },
        container = new { type = "message", message_ts = MessageTs, channel_id = Channel, is_ephemeral = true },
        trigger_id = triggerId,
        response_url = host.Fake.BaseUri + "respond/" + hook,
        actions = new[] { new { action_id = actionId, value, type = "button" } },
    });

    /// <summary>A view_submission of <paramref name="view"/> as Slack sends it: each input's initial value unless overridden.</summary>
    private static string Submission(JsonElement view, Dictionary<string, string> values, string? state = null)
    {
        var metadata = view.GetProperty("private_metadata").GetString()!;
        if (state is not null)
        {
            var origin = JsonNode.Parse(metadata)!.AsObject();
            origin["s"] = state;
            metadata = origin.ToJsonString();
        }
        var stateValues = new JsonObject();
        foreach (var block in Inputs(view))
        {
            var id = block.GetProperty("block_id").GetString()!;
            var element = block.GetProperty("element");
            var type = element.GetProperty("type").GetString()!;
            values.TryGetValue(id, out var given);
            JsonObject input = type switch
            {
                "datepicker" => new() { ["type"] = type, ["selected_date"] = given ?? Initial(element, "initial_date") },
                "static_select" => new()
                {
                    ["type"] = type,
                    ["selected_option"] = (given ?? (element.TryGetProperty("initial_option", out var o) ? o.GetProperty("value").GetString() : null)) is { } v
                        ? new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = v }, ["value"] = v } : null,
                },
                _ => new() { ["type"] = type, ["value"] = given ?? Initial(element, "initial_value") },
            };
            stateValues[id] = new JsonObject { [element.GetProperty("action_id").GetString()!] = input };
        }
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["user"] = new JsonObject { ["id"] = SlackBotHost.RepSlackId },
            ["view"] = new JsonObject
            {
                ["id"] = "V700", ["type"] = "modal", ["callback_id"] = view.GetProperty("callback_id").GetString(),
                ["private_metadata"] = metadata, ["state"] = new JsonObject { ["values"] = stateValues },
            },
        };
        return payload.ToJsonString();
    }

    private static string? Initial(JsonElement element, string name) => element.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static IEnumerable<JsonElement> Inputs(JsonElement view) =>
        view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input");

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        message.TryGetProperty("blocks", out var blocks)
            ? blocks.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            : [];

    private Task<HttpResponseMessage> Interact(string payload) =>
        host.PostSignedAsync(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.IntegrationTests.Alerts;
using RevBot.Slack.Protocol.Endpoints;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// "Create expansion deal" from Slack end to end: the press opens the deal form in a modal, prefilled (name, first
/// stage, suggested amount, close date); the submission creates one expansion deal through the deal command path,
/// owned by the presser and audited, however often Slack delivers it; a second press says the deal exists.
/// </summary>
public sealed class SlackExpansionTests(SlackBotHost host) : IClassFixture<SlackBotHost>
{
    private const string Channel = "C900";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_expansion_deal_opens_the_deal_form_prefilled_and_creates_one_deal()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var (accountId, name, suggested) = await ExpansionReadyAccount.PrepareAsync(scope.ServiceProvider, skip: 0, Ct);

        await Interact(Press(ExpansionActionIds.Create, accountId, "trig-900", "exp-900"));
        var open = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "views.open" && r.Body.Contains("trig-900", StringComparison.Ordinal))).Single().Body);
        var view = open.GetProperty("view");
        Assert.Equal(ExpansionActionIds.Form, view.GetProperty("callback_id").GetString());
        var initial = Inputs(view).ToDictionary(b => b.GetProperty("block_id").GetString()!, b => Initial(b.GetProperty("element")));
        Assert.Equal($"{name} - expansion", initial["name"]);
        Assert.Equal(suggested.ToString("0", System.Globalization.CultureInfo.InvariantCulture), initial["amount"]);
        Assert.NotNull(initial["closeDate"]);
        Assert.Contains("Suggested amount", view.GetProperty("blocks").GetRawText(), StringComparison.Ordinal);

        var submission = Submission(view);
        Assert.Equal(HttpStatusCode.OK, (await Interact(submission)).StatusCode);
        // Slack delivers the same submission again: still one deal.
        Assert.Equal(HttpStatusCode.OK, (await Interact(submission)).StatusCode);

        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var deal = await db.Deals.AsNoTracking().Include(d => d.Owner).SingleAsync(d => d.AccountId == accountId && d.Type == DealType.Expansion && d.Status == DealStatus.Open, Ct);
        Assert.Equal(($"{name} - expansion", suggested, host.RepEmail, 1), (deal.Name, deal.Amount, deal.Owner!.Email, deal.Version));
        var audit = Assert.Single(await db.AuditLog.AsNoTracking().Where(a => a.EntityId == deal.Id).ToListAsync(Ct));
        Assert.Equal(("create", ChangeChannel.Slack), (audit.Action, audit.Channel));
        Assert.Single(await db.DealStageHistory.AsNoTracking().Where(h => h.DealId == deal.Id).ToListAsync(Ct));

        // Pressed again once the deal exists: told where it is, no form, nothing made.
        await Interact(Press(ExpansionActionIds.Create, accountId, "trig-901", "exp-901"));
        var told = (await host.WaitForAsync(r => r.Method == "/respond/exp-901")).Single().Body;
        Assert.Contains("already has an open expansion deal", told, StringComparison.Ordinal);
        Assert.Equal(1, await db.Deals.CountAsync(d => d.AccountId == accountId && d.Type == DealType.Expansion && d.Status == DealStatus.Open, Ct));
    }

    private string Press(string actionId, string value, string triggerId, string hook) => JsonSerializer.Serialize(new
    {
        type = "block_actions",
        team = new { id = "T1" },
        user = new { id = SlackBotHost.RepSlackId },
        channel = new { id = Channel },
        container = new { type = "message", message_ts = "1700000900.000100", channel_id = Channel, is_ephemeral = false },
        trigger_id = triggerId,
        response_url = host.Fake.BaseUri + "respond/" + hook,
        actions = new[] { new { action_id = actionId, value, type = "button" } },
    });

    /// <summary>A view_submission of <paramref name="view"/> as Slack sends it, every input at its initial value.</summary>
    private static string Submission(JsonElement view)
    {
        var stateValues = new JsonObject();
        foreach (var block in Inputs(view))
        {
            var element = block.GetProperty("element");
            var type = element.GetProperty("type").GetString()!;
            JsonObject input = type switch
            {
                "datepicker" => new() { ["type"] = type, ["selected_date"] = Initial(element) },
                "static_select" => new()
                {
                    ["type"] = type,
                    ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Initial(element) }, ["value"] = Initial(element) },
                },
                _ => new() { ["type"] = type, ["value"] = Initial(element) },
            };
            stateValues[block.GetProperty("block_id").GetString()!] = new JsonObject { [element.GetProperty("action_id").GetString()!] = input };
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["user"] = new JsonObject { ["id"] = SlackBotHost.RepSlackId },
            ["view"] = new JsonObject
            {
                ["id"] = "V900", ["type"] = "modal", ["callback_id"] = view.GetProperty("callback_id").GetString(),
                ["private_metadata"] = view.GetProperty("private_metadata").GetString(), ["state"] = new JsonObject { ["values"] = stateValues },
            },
        }.ToJsonString();
    }

    private static string? Initial(JsonElement element) =>
        element.TryGetProperty("initial_option", out var o) ? o.GetProperty("value").GetString()
        : element.TryGetProperty("initial_date", out var d) ? d.GetString()
        : element.TryGetProperty("initial_value", out var v) ? v.GetString() : null;

    private static IEnumerable<JsonElement> Inputs(JsonElement view) =>
        view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input");

    private Task<HttpResponseMessage> Interact(string payload) =>
        host.PostSignedAsync(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;

namespace RevBot.IntegrationTests.Teams;

/// <summary>Deals from Teams end to end: Action.Execute invokes through /api/messages with a signed token.</summary>
public sealed partial class TeamsDealTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
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

        var card = await OpenAsync(deal.Id);
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

        // Separators only where they group thousands: "1,2,3" comes back on the amount field, nothing saved.
        var misplaced = await InvokeAsync("deal.update", Submission("1,2,3"));
        Assert.Contains("commas only between thousands", misplaced.GetRawText(), StringComparison.Ordinal);
        Assert.Equal((deal.Version, deal.Amount), ((await DealAsync(deal.Id)).Version, (await DealAsync(deal.Id)).Amount));

        var updated = await InvokeAsync("deal.update", Submission("98765"));
        Assert.Contains("98,765", updated.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Updated by", updated.GetRawText(), StringComparison.Ordinal);
        var saved = await DealAsync(deal.Id);
        Assert.Equal(98_765m, saved.Amount);
        Assert.Equal(deal.Version + 1, saved.Version);
        Assert.True(await host.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityId == deal.Id && a.Channel == ChangeChannel.Teams, Ct)));
    }

    [Fact]
    public async Task A_submission_delivered_twice_is_applied_once()
    {
        var (deal, form) = await OpenFormAsync(skip: 1, "aad-replay-user");

        var submission = Submission(form, new() { ["amount"] = "45678" });
        var first = await InvokeAsync("deal.update", submission, "aad-replay-user");
        // Teams retries with a new activity id when our answer was slow: the same form, the same values.
        var again = await InvokeAsync("deal.update", submission.DeepClone().AsObject(), "aad-replay-user");

        Assert.Contains("45,678", first.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("45,678", again.GetRawText(), StringComparison.Ordinal);
        var saved = await DealAsync(deal.Id);
        Assert.Equal((45_678m, deal.Version + 1), (saved.Amount, saved.Version));
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityId == deal.Id && a.Channel == ChangeChannel.Teams, Ct)));
    }

    [Fact]
    public async Task A_submission_against_an_older_version_is_refused_with_a_fresh_card_and_changes_nothing()
    {
        var (deal, form) = await OpenFormAsync(skip: 2, "aad-stale-user");
        // Someone else changes the deal while the form is open.
        await host.WithDbAsync(db => db.Deals.Where(d => d.Id == deal.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextStep, "Call the CFO").SetProperty(d => d.Version, d => d.Version + 1), Ct));

        var stale = await InvokeAsync("deal.update", Submission(form, new() { ["amount"] = "11111" }), "aad-stale-user");

        Assert.Contains("changed since you opened it", stale.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Call the CFO", stale.GetRawText(), StringComparison.Ordinal);
        var saved = await DealAsync(deal.Id);
        Assert.Equal((deal.Amount, deal.Version + 1), (saved.Amount, saved.Version));
    }

    [Fact]
    public async Task A_rep_who_does_not_own_the_deal_is_refused_and_nothing_changes()
    {
        var (deal, form) = await OpenFormAsync(skip: 3, "aad-owner-user");
        var other = await host.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.Role == UserRole.Rep && u.Id != deal.OwnerId && u.TeamsUserId == null).OrderBy(u => u.Id).FirstAsync(Ct));
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, "aad-other-rep"), Ct));

        var response = await InvokeRawAsync("deal.update", Submission(form, new() { ["amount"] = "22222" }), "aad-other-rep");

        Assert.Equal("application/vnd.microsoft.activity.message", response.GetProperty("type").GetString());
        Assert.Contains("Not changed", response.GetProperty("value").GetString(), StringComparison.Ordinal);
        var saved = await DealAsync(deal.Id);
        Assert.Equal((deal.Amount, deal.Version), (saved.Amount, saved.Version));
        Assert.False(await host.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityId == deal.Id && a.UserId == other.Id, Ct)));
    }

    [Fact]
    public async Task A_spanish_speaker_writes_the_amount_the_spanish_way_and_it_is_read_so()
    {
        var (deal, form) = await OpenFormAsync(skip: 4, "aad-es-user");

        var bad = await InvokeRawAsync("deal.update", Submission(form, new() { ["amount"] = "1,250" }), "aad-es-user", "es-ES");
        Assert.Contains("No está claro si 1,250 lleva miles o decimales", Unescaped(bad), StringComparison.Ordinal);
        Assert.Equal(deal.Version, (await DealAsync(deal.Id)).Version);

        var good = await InvokeRawAsync("deal.update", Submission(form, new() { ["amount"] = "1.250,50" }), "aad-es-user", "es-ES");
        // The card came back English-only ("$1,250.50") before deal texts moved to the catalog; a Spanish speaker now reads it their way.
        // The amount's space is a no-break one, which JSON writers keep escaped.
        Assert.Contains("1.250,50\\u00A0$", Unescaped(good), StringComparison.Ordinal);
        var saved = await DealAsync(deal.Id);
        Assert.Equal((1_250.50m, deal.Version + 1), (saved.Amount, saved.Version));
        // Teams' locale is remembered for what RevBot writes them with no activity behind it (docs/texts.md).
        Assert.Equal("es-ES", (await host.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.TeamsUserId == "aad-es-user", Ct))).ChatLocale);
    }

    private static string Unescaped(JsonElement e) =>
        JsonNode.Parse(e.GetRawText())!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>An open deal with an owner (the <paramref name="skip"/>th), its owner mapped to <paramref name="aadId"/>, and its update form.</summary>
    private async Task<(Deal Deal, JsonElement Form)> OpenFormAsync(int skip, string aadId)
    {
        var deal = await host.WithDbAsync(db => db.Deals.AsNoTracking()
            .Where(d => d.OwnerId != null && d.Status == DealStatus.Open && d.Amount > 0).OrderBy(d => d.Id).Skip(10 + skip).FirstAsync(Ct));
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == deal.OwnerId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, aadId), Ct));
        var card = await OpenAsync(deal.Id, aadId);
        var update = Verb(card, "deal.update");
        return (deal, await InvokeAsync("deal.update", JsonNode.Parse(update.GetProperty("data").GetRawText())!.AsObject(), aadId));
    }

    /// <summary>The form's submission as Teams sends it: the action's data with every input's value, some overridden.</summary>
    private static JsonObject Submission(JsonElement form, Dictionary<string, string> values)
    {
        var data = JsonNode.Parse(Verb(form, "deal.update").GetProperty("data").GetRawText())!.AsObject();
        foreach (var input in Inputs(form))
            data[input.GetProperty("id").GetString()!] = input.TryGetProperty("value", out var v) ? v.ToString() : "";
        data["closeDate"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in values) data[key] = value;
        return data;
    }

    private Task<Deal> DealAsync(string id) => host.WithDbAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, Ct));

    /// <summary>"Open deal" is a drill-down: its card comes as a new message in the conversation, not in the invoke response.</summary>
    private async Task<JsonElement> OpenAsync(string dealId, string aadId = TeamsUser)
    {
        var conversation = $"a:deal-open-{Guid.NewGuid():N}";
        var body = await InvokeRawAsync("deal.open", new JsonObject { ["value"] = dealId }, aadId, conversation: conversation);
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        static bool IsCard(RecordedRequest r) => r.Body.Contains("attachments", StringComparison.Ordinal);
        var sent = await host.SentToAsync(conversation, s => s.Any(IsCard));
        return TeamsBotHost.Parse(sent.Single(IsCard).Body).GetProperty("attachments")[0].GetProperty("content");
    }

    /// <summary>Posts an Action.Execute invoke and returns the card of the response (asserting it is a card).</summary>
    private async Task<JsonElement> InvokeAsync(string verb, JsonObject data, string aadId = TeamsUser)
    {
        var body = await InvokeRawAsync(verb, data, aadId);
        Assert.True("application/vnd.microsoft.card.adaptive" == body.GetProperty("type").GetString(), body.GetRawText());
        return body.GetProperty("value");
    }

    /// <summary>Posts an Action.Execute invoke (a new activity id each time) and returns the invoke response's body.</summary>
    private async Task<JsonElement> InvokeRawAsync(string verb, JsonObject data, string aadId, string? locale = null, string conversation = "a:deal-conversation")
    {
        var invoke = host.Activity("invoke", conversation);
        if (locale is not null) invoke["locale"] = locale;
        invoke["from"] = new JsonObject { ["id"] = "29:deal-user", ["name"] = "Rep", ["aadObjectId"] = aadId };
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        using var response = await host.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsBotHost.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        return body;
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

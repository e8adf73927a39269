using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Storage;
using RevBot.Slack.Protocol.Endpoints;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// The person's language on Slack end to end: users.info is asked for the locale (the fake answers "es-ES" for the
/// Spanish users only when asked), the Home tab and what its buttons say follow it, and "answer in English" in a DM
/// stores a setting that wins over it from then on.
/// </summary>
public sealed class SlackLanguageTests(SlackBotHost host) : IClassFixture<SlackBotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_home_tab_speaks_the_persons_slack_language_until_they_choose_one_in_chat()
    {
        await Event("EvLang1", Home(SlackBotHost.SpanishSlackId));
        await Event("EvLang2", Home(SlackBotHost.RepSlackId));
        await Event("EvLang3", Home(SlackBotHost.SpanishStrangerSlackId));

        // An es-ES Slack user: the tab's words, its two questions and the settings Core writes, all in Spanish.
        var spanish = (await PublishedAsync(SlackBotHost.SpanishSlackId, 1)).Text();
        Assert.Contains("Tus cuentas en riesgo", spanish, StringComparison.Ordinal);
        Assert.Contains("Tus alertas y resúmenes", spanish, StringComparison.Ordinal);
        Assert.Contains("Mensajes directos de negocios estancados:* activados", spanish, StringComparison.Ordinal);
        Assert.Contains((await TitleAsync("mi pipeline", host.SpanishRepEmail)), spanish, StringComparison.Ordinal);
        Assert.Contains((await TitleAsync("mis negocios abiertos que cierran este mes", host.SpanishRepEmail)), spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("Your ", spanish, StringComparison.Ordinal);
        // Everyone else in English; an unmapped es-ES user is welcomed in Spanish.
        var english = (await PublishedAsync(SlackBotHost.RepSlackId, 1)).Text();
        Assert.Contains("Your at-risk accounts", english, StringComparison.Ordinal);
        Assert.Contains((await TitleAsync("my pipeline", host.RepEmail)), english, StringComparison.Ordinal);
        Assert.Contains("Te damos la bienvenida a RevBot", (await PublishedAsync(SlackBotHost.SpanishStrangerSlackId, 1)).Text(), StringComparison.Ordinal);
        Assert.All(host.Fake.Requests.Where(r => r.Method == "users.info"), r => Assert.Contains("include_locale=true", r.Body, StringComparison.Ordinal));
        Assert.Equal((null, "es-ES"), await SettingAsync(host.SpanishRepEmail));

        // A press on the tab brings no locale: the tab comes back in Spanish, with what the press did said in Spanish.
        var mute = Buttons(await PublishedAsync(SlackBotHost.SpanishSlackId, 1)).First(b => b.GetProperty("action_id").GetString() == AlertActionIds.Mute);
        await Press(mute, SlackBotHost.SpanishSlackId);
        var pressed = (await PublishedAsync(SlackBotHost.SpanishSlackId, 2)).Text();
        Assert.Contains("Silenciado: no recibirás mensajes directos de negocios estancados", pressed, StringComparison.Ordinal);

        // "answer in English" in a DM: answered in English, stored, and the tab follows it over Slack's es-ES.
        await Event("EvLang4", Dm("DLANG", "1700000990.000100", "answer in English", SlackBotHost.SpanishSlackId));
        var reply = SlackBotHost.Json((await host.WaitForAsync(r => SlackEndToEnd.Posted(r, "DLANG"))).Single().Body);
        Assert.Contains("From now on I'll write to you in English", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(("en", "es-ES"), await SettingAsync(host.SpanishRepEmail));
        await Event("EvLang5", Home(SlackBotHost.SpanishSlackId));
        var chosen = (await PublishedAsync(SlackBotHost.SpanishSlackId, 3)).Text();
        Assert.Contains("Your at-risk accounts", chosen, StringComparison.Ordinal);
        Assert.Contains((await TitleAsync("my pipeline", host.SpanishRepEmail)), chosen, StringComparison.Ordinal);
    }

    private async Task<string> TitleAsync(string question, string email)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, email), Ct)).Reply.Title;
    }

    private async Task<(string? Language, string? ChatLocale)> SettingAsync(string email)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<RevBotDb>().Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct);
        return (user.Language, user.ChatLocale);
    }

    private Task<HttpResponseMessage> Event(string id, string evt) =>
        host.PostSignedAsync(SlackEndpoints.EventsPath, SlackEndToEnd.EventCallback(id, evt), "application/json");

    private static string Home(string user) => JsonSerializer.Serialize(new { type = "app_home_opened", user, channel = "D9" + user, tab = "home" });

    private static string Dm(string channel, string ts, string text, string user) =>
        JsonSerializer.Serialize(new { type = "message", channel_type = "im", channel, user, text, ts });

    /// <summary>A block_actions from the Home tab: Slack sends the view, no channel, message, response_url or locale.</summary>
    private Task<HttpResponseMessage> Press(JsonElement button, string user)
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions", team = new { id = "T1" }, user = new { id = user }, trigger_id = "trig-lang",
            container = new { type = "view", view_id = "V1" }, view = new { id = "V1", type = "home" },
            actions = new[] { new { action_id = button.GetProperty("action_id").GetString(), value = button.GetProperty("value").GetString(), type = "button" } },
        });
        return host.PostSignedAsync(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
    }

    /// <summary>The <paramref name="n"/>th view published for <paramref name="user"/>.</summary>
    private async Task<JsonElement> PublishedAsync(string user, int n)
    {
        var views = await host.WaitForAsync(r => r.Method == "views.publish" && SlackBotHost.Json(r.Body).GetProperty("user_id").GetString() == user, count: n);
        return SlackBotHost.Json(views[n - 1].Body).GetProperty("view");
    }

    private static IEnumerable<JsonElement> Buttons(JsonElement view) =>
        view.GetProperty("blocks").EnumerateArray().Where(b => b.TryGetProperty("accessory", out _)).Select(b => b.GetProperty("accessory"))
            .Where(e => e.GetProperty("type").GetString() == "button");
}

internal static class ViewText
{
    /// <summary>Every string in a published view, one a line, unescaped: what the person reads (and the ids and values).</summary>
    public static string Text(this JsonElement e) => string.Join('\n', Strings(e));

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

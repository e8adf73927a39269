using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Slack.App.Home;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Tests.Slack;

public sealed class HomeTabRendererTests
{
    private static Answer Answer(string title, int textSections = 1) => new()
    {
        Intent = "metric", Text = title,
        Reply = new Reply
        {
            Title = title, Text = string.Join(' ', Enumerable.Repeat("word", textSections * 700)),
            Facts = [new ReplyFact("Deals", "12")], Table = new ReplyTable(["Deal"], [["A"]], 1), Context = ["This quarter"],
            Actions = [new ReplyAction("ask", "By owner", "my pipeline by owner")],
        },
    };

    private static AtRiskAccount Account(int i, string? note = null) => new($"acc-{i}", $"R&D <Labs> {i}", 90 - i, ["usage down 43% in 30 days", "renews in 41 days"], note,
        note is null ? new ReplyAction(AlertActionIds.Assign, "I'm on it", $"a1|{i}", ReplyActionStyle.Primary) : null);

    private static AlertSettings Settings(int channels, int total, bool stalledMuted = false) => new(
        [
            new DirectMessageAlertSetting(AlertKind.StalledDeal, "Stalled-deal DMs", stalledMuted, new ReplyAction(stalledMuted ? AlertActionIds.Unmute : AlertActionIds.Mute, stalledMuted ? "Unmute" : "Mute", "stalled_deal")),
            new DirectMessageAlertSetting(AlertKind.ChurnRisk, "Churn-risk DMs", false, new ReplyAction(AlertActionIds.Mute, "Mute", "churn_risk")),
        ],
        "none: direct messages go out as soon as an alert is found",
        [.. Enumerable.Range(1, channels).Select(i => new ChannelSetting(i == 2 ? ChatPlatform.Teams : ChatPlatform.Slack, i == 2 ? "19:ops@thread.tacv2" : $"C{i}", $"stalled deals over <{i}>"))], total,
        [], 0);

    private static IEnumerable<string> Texts(HomeView view) => view.Blocks.Select(b => b switch
    {
        SectionBlock s => s.Text?.Text ?? "",
        HeaderBlock h => h.Text.Text,
        ContextBlock c => string.Join(" | ", c.Elements.Select(e => e.Text)),
        _ => "",
    });

    [Fact]
    public void At_risk_accounts_are_listed_with_their_reasons_escaped_and_an_im_on_it_button_then_and_n_more()
    {
        var view = HomeTabRenderer.Render(new HomeTabContent(Answer("Pipeline"), Answer("Closing"),
            new AtRiskAccounts([Account(1), Account(2, "snoozed until Jun 23 · Jane Cooper is on it"), .. Enumerable.Range(3, 6).Select(i => Account(i))], 12), Settings(0, 0)));

        var texts = Texts(view).ToList();
        var header = texts.IndexOf("Your at-risk accounts");
        Assert.Equal("*R&amp;D &lt;Labs&gt; 1* · risk 89/100\nusage down 43% in 30 days, renews in 41 days", texts[header + 1]);
        Assert.Equal("*R&amp;D &lt;Labs&gt; 2* · risk 88/100\nusage down 43% in 30 days, renews in 41 days\n_snoozed until Jun 23 · Jane Cooper is on it_", texts[header + 2]);
        Assert.StartsWith("And 7 more. ", texts[header + 6], StringComparison.Ordinal);
        var rows = view.Blocks.Skip(header + 1).Take(5).Cast<SectionBlock>().ToList();
        var button = Assert.IsType<ButtonElement>(rows[0].Accessory);
        Assert.Equal((AlertActionIds.Assign, "a1|1", ButtonStyle.Primary), (button.ActionId, button.Value, button.Style));
        Assert.Null(rows[1].Accessory);
    }

    [Fact]
    public void Nothing_at_risk_says_so_and_settings_show_each_in_one_line_with_the_mute_toggles()
    {
        var view = HomeTabRenderer.Render(new HomeTabContent(Answer("Pipeline"), Answer("Closing"), new AtRiskAccounts([], 0), Settings(2, 4, stalledMuted: true))
        {
            Notice = "Muted: you won't get <direct> messages",
        });

        var texts = Texts(view).ToList();
        Assert.Equal("*Muted: you won't get &lt;direct&gt; messages*", texts[0]);
        Assert.Contains("None of your accounts is at risk of churning right now.", texts);
        Assert.Contains("*Stalled-deal DMs:* muted", texts);
        Assert.Contains("*Churn-risk DMs:* on", texts);
        Assert.Contains("*Quiet hours:* none: direct messages go out as soon as an alert is found", texts);
        Assert.Contains("*Channel alerts you set up:*\n• <#C1>: stalled deals over &lt;1&gt;\n• a Teams channel: stalled deals over &lt;2&gt;\n…and 2 more", texts);
        Assert.Contains("*Digests you scheduled:* none", texts);
        var toggles = view.Blocks.OfType<SectionBlock>().Select(s => s.Accessory).OfType<ButtonElement>().Select(b => (b.ActionId, b.Text.Text, b.Value)).ToList();
        Assert.Equal([(AlertActionIds.Unmute, "Unmute", "stalled_deal"), (AlertActionIds.Mute, "Mute", "churn_risk")], toggles);
    }

    [Fact]
    public void Long_answers_give_way_so_the_tab_stays_within_100_blocks_and_keeps_the_alert_sections()
    {
        var huge = Answer("Pipeline", textSections: 3) with { Reply = Answer("Pipeline", 3).Reply with { Facts = [.. Enumerable.Range(1, 40).Select(i => new ReplyFact($"F{i}", "1"))] } };

        var view = HomeTabRenderer.Render(new HomeTabContent(huge, huge, new AtRiskAccounts([.. Enumerable.Range(1, 50).Select(i => Account(i))], 50), Settings(5, 50)));

        Assert.InRange(view.Blocks.Count, 1, BlockKitLimits.ViewBlocks);
        Assert.Contains("Your alert and digest settings", Texts(view));
        Assert.Equal(5, view.Blocks.OfType<SectionBlock>().Count(s => s.Accessory is ButtonElement { ActionId: AlertActionIds.Assign }));
        Assert.All(view.Blocks.OfType<SectionBlock>(), s => Assert.InRange(s.Text?.Text.Length ?? 0, 0, BlockKitLimits.SectionText));
    }

    [Fact]
    public void In_spanish_every_word_of_the_tab_is_the_catalogs_and_counts_are_written_the_spanish_way()
    {
        var view = HomeTabRenderer.Render(new HomeTabContent(Answer("Pipeline"), Answer("Closing"),
            new AtRiskAccounts([.. Enumerable.Range(1, 5).Select(i => Account(i))], 1_250), Settings(2, 4, stalledMuted: true))
        { Language = "es" });

        var texts = Texts(view).ToList();
        Assert.Contains("Tus cuentas en riesgo", texts);
        Assert.Contains("*R&amp;D &lt;Labs&gt; 1* · riesgo 89/100\nusage down 43% in 30 days, renews in 41 days", texts);
        Assert.Contains(texts, t => t.StartsWith("Y 1.245 más. Cuentas tuyas con una alerta de riesgo de churn", StringComparison.Ordinal));
        Assert.Contains("Tus alertas y resúmenes", texts);
        Assert.Contains("*Stalled-deal DMs:* silenciados", texts);
        Assert.Contains("*Churn-risk DMs:* activados", texts);
        Assert.Contains("*Horas de silencio:* none: direct messages go out as soon as an alert is found", texts);
        Assert.Contains("*Alertas de canal que configuraste:*\n• <#C1>: stalled deals over &lt;1&gt;\n• un canal de Teams: stalled deals over &lt;2&gt;\n…y 2 más", texts);
        Assert.Contains("*Resúmenes que programaste:* ninguno", texts);
        Assert.Contains(texts, t => t.StartsWith("Los botones cambian solo tus mensajes directos", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Your ", StringComparison.Ordinal));
    }
}

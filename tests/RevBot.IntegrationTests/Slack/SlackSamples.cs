using System.Globalization;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Slack.App.Home;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Every kind of Block Kit payload RevBot produces, for the conformance check against Slack's own types.</summary>
internal static class SlackSamples
{
    public static IReadOnlyList<(string Name, SlackMessage Message)> Messages() =>
    [
        ("metric_answer", ReplyRenderer.Render(Metric())),
        ("metric_answer_ephemeral_with_share", ReplyRenderer.Render(Metric(), new ReplyRenderOptions { ShareValue = "win rate this quarter" })),
        ("list", ReplyRenderer.Render(List(12, 12))),
        ("huge_list_summarised", ReplyRenderer.Render(Huge())),
        .. ListReplySamples.All().Select(s => (s.Name.Replace(' ', '_'), ReplyRenderer.Render(s.Reply, new ReplyRenderOptions { Language = s.Name.EndsWith("Spanish", StringComparison.Ordinal) ? "es" : "en" }))),
        ("definition", ReplyRenderer.Render(new Reply { Kind = ReplyKind.Definition, Title = "How win rate is calculated", Text = "Win rate: won deals divided by closed (won + lost) deals, by close date.", Actions = [new ReplyAction("ask", "Show me", "win rate this quarter")] })),
        ("help_en", ReplyRenderer.Render(GuidanceComposer.Help("en").Reply)),
        ("help_es", ReplyRenderer.Render(GuidanceComposer.Help("es").Reply, new ReplyRenderOptions { Language = "es" })),
        ("clarify", ReplyRenderer.Render(new Reply { Kind = ReplyKind.Clarify, Title = "Can you be more specific?", Text = "Which do you mean: bookings or ARR?", Actions = [new ReplyAction("ask", "Bookings", "bookings this quarter"), new ReplyAction("ask", "ARR", "ARR now")] })),
        ("not_understood", ReplyRenderer.Render(new Reply { Kind = ReplyKind.NotUnderstood, Title = "I didn't get that", Text = "I didn't understand that, and I'd rather not guess a number. I can answer questions like: win rate this quarter · top 10 open deals.", Actions = [new ReplyAction("ask", "win rate this quarter", "win rate this quarter")] })),
        ("error", ReplyRenderer.Render(new Reply { Kind = ReplyKind.Error, Title = "Something went wrong", Text = "The revenue database did not answer in time. Nothing was changed.", Actions = [new ReplyAction("retry", "Try again", "win rate", ReplyActionStyle.Danger)] })),
        ("escaped_text", ReplyRenderer.Render(new Reply { Title = "R&D <Labs> & Co", Text = "Deal <!channel> & <@U123> > 5", Facts = [new ReplyFact("A&B", "<1>")], Table = new ReplyTable(["Account", "Amount"], [["<Acme> & Sons", "$1"]], 1), Context = ["a < b & c > d"] })),
        ("chart_as_text", ReplyRenderer.Render(new Reply { Title = "Bookings by month", Text = "Bookings grew 12%.", Chart = new ReplyChart("Bookings", [.. Enumerable.Range(1, 30).Select(i => new ChartPoint($"M{i}", i * 1000))], "USD") })),
        ("working_on_it", SlackMessages.WorkingOnIt("what's our <win rate> this quarter?")),
        ("deal_card_updated", ReplyRenderer.Render(DealReplySamples.Card())),
        .. ForecastCallReplySamples.Cards().Select(s => (s.Name.Replace(' ', '_'), ReplyRenderer.Render(s.Reply, new ReplyRenderOptions { Language = s.Reply.Language ?? "en" }))),
        .. ApprovalReplySamples.Cards().Select(s => (s.Name.Replace(' ', '_'), ReplyRenderer.Render(s.Reply, new ReplyRenderOptions { Language = s.Reply.Language ?? "en" }))),
        .. WatchReplySamples.All().Select(s => (s.Name.Replace(' ', '_'), ReplyRenderer.Render(s.Reply, new ReplyRenderOptions { Language = s.Reply.Language ?? "en" }))),
        ("deal_refused", ReplyRenderer.Render(new Reply { Kind = ReplyKind.Refused, Title = "Not changed", Text = "Only Rob Rep, their managers and RevOps can change this deal." })),
        ("digest_with_sections", ReplyRenderer.Render(TeamsCardSamples.Digest() with { Images = [] })),
        ("digest_with_too_many_sections", ReplyRenderer.Render(TeamsCardSamples.Digest() with
        {
            Sections = [.. Enumerable.Range(1, 60).Select(i => new ReplySection($"List {i} <&>", [.. Enumerable.Range(1, 90).Select(j => new ReplySectionItem($"Deal {j} · Account & Co · $1,000,000 · Ana García"))], "None.") { Id = $"list_{i}" })],
        }, new ReplyRenderOptions { Language = "es" })),
        ("share_button_only", new SlackMessage("Share", [new ActionsBlock([SlackMessages.ShareButton("win rate this quarter")])])),
        .. AlertMessageSamples.All().Select(s => (s.Name.Replace(' ', '_'), ReplyRenderer.Render(s.Reply))),
        .. HeadlineReplySamples.All().Select(s => (s.Name.Replace(' ', '_'), ReplyRenderer.Render(s.Reply, new ReplyRenderOptions { Language = s.Language }))),
    ];

    public static IReadOnlyList<(string Name, View View)> Views() =>
    [
        ("modal_with_every_input", Modal()),
        ("deal_update_form", FormModal.Render(DealReplySamples.Form(), "{\"s\":\"v1|7|k1|deal-1\",\"c\":\"C1\",\"t\":\"1700000000.000100\"}")),
        ("deal_update_form_with_errors", FormModal.Render(DealReplySamples.FormWithErrors(), "{}")),
        .. AlertMessageSamples.Forms().Select(s => (s.Name.Replace(' ', '_'), FormModal.Render(s.Form, "{\"s\":\"v2|en|0|0123456789abcdef|acct-7\",\"c\":\"D1\"}"))),
        .. ForecastCallReplySamples.Forms().Select(s => (s.Name.Replace(' ', '_'), FormModal.Render(s.Form, "{\"s\":\"v2|en|0|0123456789abcdef|12:7:own\",\"c\":\"D1\"}"))),
        .. ApprovalReplySamples.Forms().Select(s => (s.Name.Replace(' ', '_'), FormModal.Render(s.Form, "{\"s\":\"v2|en|0|0123456789abcdef\",\"c\":\"D1\"}"))),
        ("home_tab", ReplyRenderer.RenderHome(GuidanceComposer.Help("en").Reply)),
        ("home_tab_huge", ReplyRenderer.RenderHome(Huge())),
        ("home_tab_mine", HomeTabRenderer.Render(Home(Metric(), List(5, 5), atRisk: 3, total: 7, lists: 2, muted: true) with { Notice = "Muted: you won't get direct messages about stalled deals. Channels still get them." })),
        ("home_tab_mine_nothing_at_risk", HomeTabRenderer.Render(Home(Metric(), List(0, 0), atRisk: 0, total: 0, lists: 0, muted: false))),
        ("home_tab_mine_huge", HomeTabRenderer.Render(Home(Huge(), Huge(), atRisk: 40, total: 1214, lists: PersonalAlerts.ListedSettings, muted: false) with { Notice = new string('n', 5000) })),
    ];

    /// <summary>A mapped user's Home tab: two answers, <paramref name="atRisk"/> accounts of <paramref name="total"/>, and settings.</summary>
    private static HomeTabContent Home(Reply pipeline, Reply closing, int atRisk, int total, int lists, bool muted)
    {
        static Answer AnswerOf(Reply reply) => new() { Intent = "metric", Text = reply.Text, Reply = reply };
        var accounts = Enumerable.Range(1, atRisk).Select(i => new AtRiskAccount($"acc-{i}", $"Hauck <Group> & {i}", 90 - i,
            ["usage down 43% in 30 days", "1 urgent ticket open, satisfaction 2.0/5 over 90 days", new string('r', i == 1 ? 4000 : 10)],
            i == 2 ? "snoozed until Jun 23 · Jane Cooper is on it" : null,
            i == 2 ? null : new ReplyAction(AlertActionIds.Assign, "I'm on it", $"a1|{i}", ReplyActionStyle.Primary))).ToList();
        var channels = Enumerable.Range(1, lists).Select(i => new ChannelSetting(i % 2 == 0 ? ChatPlatform.Teams : ChatPlatform.Slack, i % 2 == 0 ? "19:ops@thread.tacv2" : $"C0{i}", $"churn risk in EMEA <{i}>")).ToList();
        var settings = new AlertSettings(
            [
                new DirectMessageAlertSetting(AlertKind.StalledDeal, "Stalled-deal DMs", muted, new ReplyAction(muted ? AlertActionIds.Unmute : AlertActionIds.Mute, muted ? "Unmute" : "Mute", "stalled_deal")),
                new DirectMessageAlertSetting(AlertKind.ChurnRisk, "Churn-risk DMs", false, new ReplyAction(AlertActionIds.Mute, "Mute", "churn_risk")),
            ],
            "20:00–08:00 in Europe/Madrid (your time zone): direct messages decided then arrive at 08:00",
            channels, lists == 0 ? 0 : lists + 3, channels, lists);
        return new HomeTabContent(AnswerOf(pipeline), AnswerOf(closing), new AtRiskAccounts(accounts, total), settings);
    }

    private static Reply Metric() => new()
    {
        Kind = ReplyKind.Answer,
        Title = "Win rate · Q4 2026",
        Text = "Win rate is 42.0% (12 won of 29 closed), up 3.1 points on Q3 2026.",
        Facts = [new ReplyFact("Won", "12"), new ReplyFact("Lost", "17"), new ReplyFact("Q3 2026", "38.9%")],
        Table = new ReplyTable(["Owner", "Win rate"], [["Ana García", "55.0%"], ["Bob Lee", "31.2%"]], 2) { NumericColumns = new HashSet<int> { 1 } },
        Context = ["Q4 2026 (Oct 1 – Dec 31, 2026), closed deals only", "Win rate: won ÷ (won + lost), by close date."],
        Actions = [new ReplyAction("ask", "By owner", "win rate Q4 2026 by owner", ReplyActionStyle.Primary), new ReplyAction("ask", "How is this calculated?", "how is win rate calculated?")],
    };

    private static Reply List(int rows, int total) => new()
    {
        Kind = ReplyKind.List,
        Title = $"Top {rows} open deals",
        Text = "The biggest open deals by amount.",
        Table = new ReplyTable(["#", "Deal", "Owner", "Amount"],
            [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[i.ToString(CultureInfo.InvariantCulture), $"Deal {i} – Expansion", "Ana García", $"${i * 12_345:N0}"])],
            total)
        { NumericColumns = new HashSet<int> { 0, 3 } },
        Context = ["Open deals as of Nov 27, 2026"],
    };

    private static Reply Huge() => List(500, 1214) with
    {
        Title = new string('T', 300),
        Text = string.Join(' ', Enumerable.Repeat("long&text", 1500)),
        Facts = [.. Enumerable.Range(1, 24).Select(i => new ReplyFact($"Fact {i}", "1"))],
        Context = [.. Enumerable.Range(1, 15).Select(i => $"Context line {i}")],
        Actions = [.. Enumerable.Range(1, 40).Select(i => new ReplyAction("ask", new string('L', 90), new string('v', 2500)))],
    };

    private static ModalView Modal()
    {
        SelectOption Stage(string s) => new(new PlainText(s), s.ToLowerInvariant());
        var stages = new[] { "Prospecting", "Qualification", "Proposal", "Negotiation" }.Select(Stage).ToList();
        return new ModalView(new PlainText("Update deal"),
        [
            new SectionBlock(new MrkdwnText("*Acme Robotics – Expansion*\nOwner: Ana García")) { Accessory = new ImageElement("https://example.com/acme.png", "Acme logo") },
            new DividerBlock(),
            new InputBlock(new PlainText("Stage"), new StaticSelectElement("stage", stages) { InitialOption = stages[2], Placeholder = new PlainText("Choose a stage") }) { BlockId = "stage" },
            new InputBlock(new PlainText("Amount (USD)"), new NumberInputElement("amount", IsDecimalAllowed: true) { InitialValue = "125000", MinValue = "0" }) { BlockId = "amount" },
            new InputBlock(new PlainText("Close date"), new DatepickerElement("close_date") { InitialDate = DatepickerElement.FormatDate(new DateOnly(2026, 12, 15)) }) { BlockId = "close_date" },
            new InputBlock(new PlainText("Note"), new PlainTextInputElement("note") { Multiline = true, MaxLength = 3000 }) { BlockId = "note", Optional = true, Hint = new PlainText("Shown in the deal's history.") },
            new ImageBlock("https://example.com/chart.png", "Bookings by month") { Title = new PlainText("Bookings") },
            new ContextBlock([new MrkdwnText("Changes are audited.")]),
        ])
        {
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            CallbackId = "deal.update",
            PrivateMetadata = """{"deal":"D-1042"}""",
        };
    }
}

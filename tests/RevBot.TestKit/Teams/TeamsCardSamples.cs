using RevBot.Core.Conversation;
using RevBot.Core.Replies;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Testing;

/// <summary>Every kind of card RevBot sends to Teams, for the size and conformance tests.</summary>
public static class TeamsCardSamples
{
    public static IReadOnlyList<(string Name, AdaptiveCard Card)> All() =>
    [
        ("metric answer", ReplyCardRenderer.Render(Metric())),
        .. AlertMessageSamples.All().Select(s => (s.Name, ReplyCardRenderer.Render(s.Reply))),
        ("list with more rows than shown", ReplyCardRenderer.Render(List())),
        .. ListReplySamples.All().Select(s => (s.Name, ReplyCardRenderer.Render(s.Reply, language: s.Name.EndsWith("Spanish", StringComparison.Ordinal) ? "es" : "en"))),
        ("definition", ReplyCardRenderer.Render(new Reply
        {
            Kind = ReplyKind.Definition, Title = "NRR (net revenue retention)",
            Text = "Recurring revenue kept from existing customers, counting expansion, contraction and churn.",
            Facts = [new("Formula", "(starting ARR + expansion - contraction - churn) / starting ARR"), new("Unit", "percent")],
            Context = ["Customers who start in the period are not counted."],
        })),
        ("help", ReplyCardRenderer.Render(new Reply
        {
            Kind = ReplyKind.Help, Title = "What I can do", Text = "Ask for a number, a list or a definition, in English or Spanish.",
            Actions = [.. Examples.Select(q => new ReplyAction("ask", q, q))],
        })),
        ("clarify", ReplyCardRenderer.Render(new Reply
        {
            Kind = ReplyKind.Clarify, Title = "Which pipeline do you mean?", Text = "I can show open pipeline two ways.",
            Actions = [new("ask", "Open pipeline value", "pipeline value"), new("ask", "Weighted pipeline", "weighted pipeline", ReplyActionStyle.Primary)],
        })),
        ("not understood", ReplyCardRenderer.Render(new Reply
        {
            Kind = ReplyKind.NotUnderstood, Title = "I didn't get that", Text = "Try asking about a metric, e.g. win rate this quarter.",
            Actions = [new("ask", "Win rate this quarter", "win rate this quarter"), new("help", "Help", "")],
        })),
        ("error", ReplyCardRenderer.Render(new Reply
        {
            Kind = ReplyKind.Error, Title = "Something went wrong", Text = "The revenue database did not answer. Try again in a minute.",
            Context = ["Reference: 7f3a2c"],
        })),
        ("huge table summarized", ReplyCardRenderer.Render(Huge())),
        ("many actions overflow", ReplyCardRenderer.Render(new Reply
        {
            Title = "Bookings", Text = "Bookings were $4.2M in Q3.",
            Actions = [.. Enumerable.Range(1, 9).Select(i => new ReplyAction("ask", $"Option {i}", $"option {i}"))],
        })),
        ("chart as table", ReplyCardRenderer.Render(new Reply
        {
            Title = "ARR by month", Text = "ARR grew 18% over the year.",
            Chart = new ReplyChart("Month", [.. Enumerable.Range(1, 12).Select(m => new ChartPoint($"2025-{m:00}", 1_000_000 + m * 25_000.5))], "USD"),
        })),
        ("markdown characters in plain text", ReplyCardRenderer.Render(new Reply
        {
            Title = "Deals for *Acme_Corp* [EMEA]", Text = "1. first line\n- second line\n`code` ~strike~ \\ back",
            Facts = [new("Owner", "j_doe*")],
        })),
        ("refresh", ReplyCardRenderer.Render(Metric(), new CardRefresh(
            new ExecuteAction { Verb = "refresh", Data = new Dictionary<string, string> { ["question"] = "win rate this quarter" } },
            ["29:1a2b3c", "8d0f6c3e-1b2a-4c5d-9e8f-0a1b2c3d4e5f"]))),
        ("welcome", WelcomeCard.Create()),
        ("welcome in a channel", WelcomeCard.Create(inChannel: true)),
        ("welcome in Spanish", WelcomeCard.Create(language: "es")),
        ("help from Core", ReplyCardRenderer.Render(GuidanceComposer.Help("en").Reply)),
        ("help from Core in Spanish", ReplyCardRenderer.Render(GuidanceComposer.Help("es").Reply, language: "es")),
        ("working on it", WorkingOnIt.Card("What's our win rate this quarter?")),
        ("input form", TeamsInputFormSample.Create()),
        ("deal card updated", ReplyCardRenderer.Render(DealReplySamples.Card())),
        ("deal update form", FormCard.Render(DealReplySamples.Form())),
        .. ForecastCallReplySamples.Cards().Select(s => (s.Name, ReplyCardRenderer.Render(s.Reply, language: s.Reply.Language ?? "en"))),
        .. ForecastCallReplySamples.Forms().Select(s => (s.Name, FormCard.Render(s.Form))),
        .. ApprovalReplySamples.Cards().Select(s => (s.Name, ReplyCardRenderer.Render(s.Reply, language: s.Reply.Language ?? "en"))),
        .. ApprovalReplySamples.Forms().Select(s => (s.Name, FormCard.Render(s.Form))),
        .. WatchReplySamples.All().Select(s => (s.Name, ReplyCardRenderer.Render(s.Reply, language: s.Reply.Language ?? "en"))),
        ("deal update form with errors", FormCard.Render(DealReplySamples.FormWithErrors())),
        .. AlertMessageSamples.Forms().Select(s => (s.Name, FormCard.Render(s.Form))),
        ("deal mark won confirmation", ConfirmCard.Render(System.Text.Json.JsonSerializer.SerializeToElement(ConfirmCard.Data(DealReplySamples.WinAction())))!),
        ("deal mark won confirmation in Spanish", ConfirmCard.Render(System.Text.Json.JsonSerializer.SerializeToElement(ConfirmCard.Data(DealReplySamples.WinAction(spanish: true))))!),
        ("digest with sections and chart images", ReplyCardRenderer.Render(Digest(), imageBase: new Uri("https://revbot.example.com/"))),
        ("trend answer with its chart image", ReplyCardRenderer.Render(ChartAnswerSamples.StoredChartReply(), imageBase: new Uri("https://revbot.example.com/"))),
        .. HeadlineReplySamples.All().Select(s => (s.Name, ReplyCardRenderer.Render(s.Reply, language: s.Language))),
        ("refused", ReplyCardRenderer.Render(new Reply
        {
            Kind = ReplyKind.Refused, Title = "Not your deal", Text = "Only Rob Rep, their manager or RevOps can change this deal.",
        })),
    ];

    /// <summary>A scheduled digest as stored in the outbox: sections, and two charts stored under tokens.</summary>
    public static Reply Digest() => new()
    {
        Kind = ReplyKind.Digest,
        Title = "Sales digest · week of Nov 23 – 29, 2026",
        Text = "Bookings: $1.2M (+12%); Deals won: 14.",
        Facts = [new("Bookings", "$1.2M (+12%)", new ReplyAction("ask", "Ask about this", "bookings last week")), new("Deals won", "14")],
        Sections =
        [
            new ReplySection("Top deals won", [new ReplySectionItem("Acme — Platform renewal · $240K · Ana", new ReplyAction("ask", "Ask about this", "top deals won last week"))], "No deals won.") { Id = "top_won" },
            new ReplySection("Stalled deals", [], "No stalled deals.") { Id = "stalled_deals" },
        ],
        Images =
        [
            new ReplyImage("sales-pipeline-by-stage.png", "Pipeline by stage", "Pipeline by stage", 800, 400) { Token = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c" },
            new ReplyImage("sales-bookings-by-week.png", "Bookings by week", "Bookings by week", 800, 400) { Token = "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0F-_" },
        ],
        Context = ["Last week: Nov 23 – 29, 2026. Quarter to date: Oct 1 – Nov 30, 2026."],
    };

    public static readonly string[] Examples =
        ["win rate this quarter", "pipeline by stage", "stalled deals", "ARR last month", "churn risk", "NRR by segment"];

    public static Reply Metric() => new()
    {
        Title = "Win rate — Q3 FY2025",
        Text = "Win rate was 31.2% in Q3 FY2025 (1,196 won of 3,833 closed), up 2.1 points on Q2.",
        Facts = [new("Won", "1,196"), new("Lost", "2,637"), new("Win rate", "31.2%"), new("vs Q2", "+2.1 pts")],
        Table = new ReplyTable(
            ["Segment", "Won", "Closed", "Win rate"],
            [["Enterprise", "212", "801", "26.5%"], ["Mid-market", "498", "1,502", "33.2%"], ["SMB", "486", "1,530", "31.8%"]],
            3)
        { NumericColumns = new HashSet<int> { 1, 2, 3 } },
        Context = ["Q3 FY2025 = Jul 1 – Sep 30, 2025 (company time zone UTC).", "Win rate = won / (won + lost), by close date."],
        Actions = [new("ask", "By owner", "win rate by owner this quarter", ReplyActionStyle.Primary), new("ask", "Compare to last year", "win rate Q3 vs Q3 last year"), new("share", "Share in channel", "win rate this quarter")],
    };

    private static Reply List() => new()
    {
        Kind = ReplyKind.List, Title = "Stalled deals", Text = "23 open deals have not moved stage in 30 days or more.",
        Table = new ReplyTable(["Deal", "Owner", "Stage", "Days", "Amount"],
            [.. Enumerable.Range(1, 8).Select(i => (IReadOnlyList<string>)[$"Deal {i}", "Ana López", "Proposal", $"{30 + i}", $"${i * 12_500:N0}"])], 23)
        { NumericColumns = new HashSet<int> { 3, 4 } },
        Actions = [new("deal.open", "Open Deal 1", "D-1001")],
    };

    private static Reply Huge() => new()
    {
        Kind = ReplyKind.List, Title = "All open deals", Text = "2,000 open deals.",
        Table = new ReplyTable(["Deal", "Account", "Owner", "Stage", "Amount"],
            [.. Enumerable.Range(1, 2000).Select(i => (IReadOnlyList<string>)[$"Expansion opportunity number {i}", $"Account with a rather long name {i}", "Owner Name", "Negotiation", $"${i * 1000:N0}"])],
            2000)
        { NumericColumns = new HashSet<int> { 4 } },
        Context = ["Sorted by amount."],
    };
}

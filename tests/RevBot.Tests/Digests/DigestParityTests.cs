using RevBot.Core.Digests;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Cards;
using RevBot.Tests.Demo;
using static RevBot.Tests.Digests.DigestHarness;

namespace RevBot.Tests.Digests;

/// <summary>
/// One digest model, two renderers: for every digest kind (audience) in English and Spanish, the Slack message and the
/// Teams card show the same sections, in the model's order, with the same lines, and the same headline numbers. The
/// reply goes through the outbox's JSON first, as a scheduled digest does.
/// </summary>
public sealed class DigestParityTests(DemoCompanyFixture company)
{
    public static TheoryData<DigestKind, string> Digests()
    {
        var data = new TheoryData<DigestKind, string>();
        foreach (var kind in Enum.GetValues<DigestKind>())
        {
            data.Add(kind, "en");
            data.Add(kind, "es");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public async Task Slack_and_teams_show_the_same_sections_in_the_same_order(DigestKind kind, string language)
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        // Alerts fed (with markup-like names), hand-offs not connected: both a list and an empty text are compared.
        IDigestFeed[] feeds =
        [
            new FixedFeed(DigestSectionIds.StalledDeals, [new DigestItem("<Globex> & Co renewal", 50_000m, "d-1"), new DigestItem("Initech expansion", 20_000m, "d-2")]),
            new FixedFeed(DigestSectionIds.AtRiskAccounts, [new DigestItem("Hooli · risk 82/100", 82m, "a-1")]),
        ];
        var digest = await Builder(db, feeds).BuildAsync(new DigestRequest(kind, AsOf, Filters(""), language), ct: Ct);
        var reply = ReplyJson.Deserialize(ReplyJson.Serialize(DigestReplies.Render(digest)));

        var slack = ReplyRenderer.Render(reply, new ReplyRenderOptions { Language = language });
        var teams = ReplyCardRenderer.Render(reply, language: language);

        var model = digest.Sections.Select(s => "section_" + s.Id).ToList();
        Assert.NotEmpty(model);
        Assert.Equal(model, SlackSections(slack).Select(b => b.BlockId));
        Assert.Equal(model, teams.Body.Select(e => e.Id).Where(id => id?.StartsWith("section_", StringComparison.Ordinal) == true));
        foreach (var section in digest.Sections)
        {
            var lines = section.Items.Count == 0 ? [section.EmptyText] : section.Items.Select((item, i) => $"{i + 1}. {item.Text}").ToList();
            var block = SlackSections(slack).Single(b => b.BlockId == "section_" + section.Id).Text!.Text;
            Assert.Equal([$"*{Mrkdwn.Escape(section.Title)}*", .. lines.Select(l => section.Items.Count == 0 ? $"_{Mrkdwn.Escape(l)}_" : Mrkdwn.Escape(l))], block.Split('\n'));
            Assert.Equal([section.Title, .. lines], TeamsSection(teams, section.Id).Select(t => t.Text).ToList(), CardTextComparer.Instance);
        }
        Assert.Equal(reply.Facts.Select(f => $"*{Mrkdwn.Escape(f.Label)}*\n{Mrkdwn.Escape(f.Value)}"), slack.Blocks.OfType<SectionBlock>().SelectMany(b => b.Fields ?? []).Select(f => f.Text));
        Assert.Equal(reply.Facts.Count, teams.Body.OfType<FactSet>().Single().Facts.Count);
    }

    [Fact]
    public async Task The_sales_digest_shows_deals_won_and_lost_moves_stalled_deals_and_hand_offs_on_slack()
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(DigestKind.Sales, AsOf, Filters("")), ct: Ct);

        var slack = ReplyRenderer.Render(DigestReplies.Render(digest));

        Assert.Equal(["section_top_won", "section_top_lost", "section_stage_advances", "section_pushed_out", "section_stalled_deals", "section_open_handoffs"],
            SlackSections(slack).Select(b => b.BlockId));
        Assert.Contains(digest.Sections.Single(s => s.Id == DigestSectionIds.TopWon).Items, i => i.Value > 0);
        Assert.DoesNotContain(slack.Blocks.OfType<SectionBlock>(), b => b.Text?.Text.Contains("```", StringComparison.Ordinal) == true);
    }

    private static List<SectionBlock> SlackSections(SlackMessage message) =>
        [.. message.Blocks.OfType<SectionBlock>().Where(b => b.BlockId?.StartsWith("section_", StringComparison.Ordinal) == true)];

    /// <summary>The section's heading and the text blocks after it, up to the next heading or the end of its lines.</summary>
    private static IEnumerable<TextBlock> TeamsSection(AdaptiveCard card, string id)
    {
        var body = card.Body.ToList();
        var start = body.FindIndex(e => e.Id == "section_" + id);
        Assert.True(start >= 0, $"no Teams heading for {id}");
        yield return (TextBlock)body[start];
        foreach (var element in body.Skip(start + 1))
        {
            if (element is not TextBlock { Weight: null, Size: null } text || element.Id is not null) yield break;
            yield return text;
        }
    }

    /// <summary>Card text is escaped for Adaptive Cards' markdown; compare it with the model's plain text escaped the same way.</summary>
    private sealed class CardTextComparer : IEqualityComparer<string>
    {
        public static CardTextComparer Instance { get; } = new();

        public bool Equals(string? x, string? y) => x == y || CardText.Escape(x) == y || x == CardText.Escape(y);

        public int GetHashCode(string obj) => 0;
    }

    private sealed class FixedFeed(string section, IReadOnlyList<DigestItem> items) : IDigestFeed
    {
        public string Section => section;

        public Task<IReadOnlyList<DigestItem>> ReadAsync(DigestFeedRequest request, CancellationToken ct) => Task.FromResult(items);
    }
}

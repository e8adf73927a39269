using RevBot.Core.Digests;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Tests.Demo;
using static RevBot.Tests.Digests.DigestHarness;

namespace RevBot.Tests.Digests;

/// <summary>The reply model of a digest, and the sections fed by other parts of RevBot.</summary>
public sealed class DigestReplyTests(DemoCompanyFixture company)
{
    [Fact]
    public async Task Every_number_has_an_ask_about_this_button_with_its_question()
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(DigestKind.Exec, AsOf, Filters("region=EMEA")), ct: Ct);

        var reply = DigestReplies.Render(digest);

        Assert.Equal(ReplyKind.Digest, reply.Kind);
        Assert.Equal(digest.Metrics.Select(m => m.Question), reply.Facts.Select(f => f.Ask!.Value));
        Assert.All(reply.Facts, f => Assert.Equal(("ask", "Ask about this"), (f.Ask!.Id, f.Ask.Label)));
        Assert.Contains(reply.Facts, f => f.Label == "Bookings · last week" && f.Ask!.Value == "bookings last week in EMEA");
        var numbered = digest.Sections.SelectMany(s => s.Items).Count(i => i.Value is not null && i.Question is not null);
        Assert.True(numbered > 0);
        Assert.Equal(numbered, reply.Sections.SelectMany(s => s.Items).Count(i => i.Ask is not null));
        Assert.Equal(digest.Charts.Select(c => c.FileName), reply.Images.Select(i => i.FileName));
        Assert.StartsWith("Executive digest · week of Mar 9 – Mar 15, 2026 · EMEA", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spanish_digests_read_in_spanish_with_spanish_questions()
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(DigestKind.Sales, AsOf, Filters(""), "es"), ct: Ct);

        var reply = DigestReplies.Render(digest);

        Assert.StartsWith("Resumen de ventas · semana del 9 mar – 15 mar 2026", reply.Title, StringComparison.Ordinal);
        Assert.Contains(reply.Facts, f => f.Ask!.Value == "ventas cerradas la semana pasada" && f.Ask.Label == "Preguntar por esto");
    }

    [Fact]
    public async Task Fed_sections_come_from_their_feed_and_say_so_when_none_is_connected()
    {
        await using var db = (await company.GetAsync(DbProvider.Sqlite)).NewContext();
        var feed = new FixedFeed(DigestSectionIds.StalledDeals, [new DigestItem("Globex renewal · $50K · no activity in 21 days", 50_000m, "d-1") { Detail = "no activity in 21 days" }]);

        var fed = await Builder(db, [feed]).BuildAsync(new DigestRequest(DigestKind.Sales, AsOf, Filters("team=Sales EMEA")), ct: Ct);

        var stalled = fed.Sections.Single(s => s.Id == DigestSectionIds.StalledDeals);
        Assert.True(stalled.Available);
        Assert.Equal("d-1", Assert.Single(stalled.Items).SubjectId);
        Assert.Equal((DigestKind.Sales, AsOf, "Sales EMEA", 5), (feed.Asked!.Kind, feed.Asked.AsOf, feed.Asked.Filters[Core.Metrics.Dimension.Team], feed.Asked.Limit));
        var handoffs = fed.Sections.Single(s => s.Id == DigestSectionIds.OpenHandoffs);
        Assert.False(handoffs.Available);
        Assert.Empty(handoffs.Items);
        Assert.Equal("Not available yet: hand-offs are not connected to digests.", handoffs.EmptyText);
        Assert.Equal("Not available yet: hand-offs are not connected to digests.", DigestDocument.From(fed).Sections.Single(s => s.Id == "open_handoffs").Unavailable);
    }

    private sealed class FixedFeed(string section, IReadOnlyList<DigestItem> items) : IDigestFeed
    {
        public string Section => section;

        public DigestFeedRequest? Asked { get; private set; }

        public Task<IReadOnlyList<DigestItem>> ReadAsync(DigestFeedRequest request, CancellationToken ct)
        {
            Asked = request;
            return Task.FromResult(items);
        }
    }
}

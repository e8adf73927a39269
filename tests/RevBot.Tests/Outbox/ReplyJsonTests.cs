using System.Text.Json;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Testing;

namespace RevBot.Tests.Outbox;

/// <summary>Outbox payloads: a reply written now must read back the same when the dispatcher sends it later.</summary>
public sealed class ReplyJsonTests
{
    [Fact]
    public void Every_part_of_a_reply_survives_the_round_trip()
    {
        var reply = DealReplySamples.Card() with
        {
            Kind = ReplyKind.Digest,
            Notice = "Updated by Jane just now",
            Context = ["1 Oct – 31 Dec 2026"],
            Table = new ReplyTable(["Rep", "Team", "Bookings", "Close"], [["Ana", "East", "$10", "Dec 1"]], 3)
            { NumericColumns = new HashSet<int> { 2 }, NarrowColumns = [0, 2], DetailFormats = new Dictionary<int, string> { [3] = "closes {0}" } },
            Chart = new ReplyChart("Bookings", [new ChartPoint("W1", 1.5)], "USD"),
            Sections = [new ReplySection("Stalled", [new ReplySectionItem("Acme", new ReplyAction("ask", "Ask", "acme"))], "None")],
            Images = [new ReplyImage("pipeline.png", "Pipeline", "Pipeline by stage", 800, 400)],
            Form = DealReplySamples.FormWithErrors(),
        };

        var json = ReplyJson.Serialize(reply);
        var back = ReplyJson.Deserialize(json);

        Assert.Equal(json, ReplyJson.Serialize(back));
        Assert.Equal((ReplyKind.Digest, reply.Title, reply.Notice, 3, 1), (back.Kind, back.Title, back.Notice, back.Table!.TotalRows, back.Images.Count));
        Assert.Equal([2], back.Table.NumericColumns);
        // The phone layout travels with the table: a stored reply renders as the asked one did.
        Assert.Equal("East · closes Dec 1", NarrowTable.From(back.Table).Rows[0].Detail);
        Assert.Equal([0, 2], back.Table.NarrowColumns!);
        Assert.Contains("\"kind\":\"digest\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"title\":\"no text\"}")]
    [InlineData("[1,2]")]
    public void A_payload_that_is_not_a_reply_throws_a_json_error(string json) =>
        Assert.ThrowsAny<JsonException>(() => ReplyJson.Deserialize(json));
}

using System.Text;
using System.Text.Json;
using RevBot.Core.Replies;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;
using RevBot.Testing;

namespace RevBot.Tests.Teams;

public sealed class CardSizeTests
{
    public static TheoryData<string> CardNames => [.. TeamsCardSamples.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_card_serializes_under_28_KB(string name)
    {
        var card = TeamsCardSamples.All().Single(s => s.Name == name).Card;
        Assert.InRange(card.ByteSize(), 1, ReplyCardRenderer.MaxMessageBytes);
    }

    [Fact]
    public void A_huge_table_is_cut_to_what_fits_and_says_how_many_more()
    {
        var reply = HugeReply(rows: 5000, cellLength: 60);

        var activity = ReplyCardRenderer.ToActivity(reply);
        var card = (AdaptiveCard)activity.Attachments![0].Content!;
        var table = Assert.Single(card.Body.OfType<Container>(), c => c.Id == ReplyTableRenderer.ContainerId);
        var shown = table.Items.Count - 1; // the heading row
        var more = Assert.Single(card.Body.OfType<TextBlock>(), t => t.Text.StartsWith("and ", StringComparison.Ordinal));

        Assert.InRange(shown, 1, ReplyCardRenderer.MaxTableRows);
        Assert.Equal($"and {5000 - shown:N0} more", more.Text);
        Assert.True(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(activity, BotJson.Options)) <= ReplyCardRenderer.MaxMessageBytes);
    }

    [Fact]
    public void Rows_beyond_the_cap_are_summarized_even_when_they_would_fit()
    {
        var card = ReplyCardRenderer.Render(HugeReply(rows: 100, cellLength: 5));
        Assert.Equal(ReplyCardRenderer.MaxTableRows + 1, card.Body.OfType<Container>().Single(c => c.Id == ReplyTableRenderer.ContainerId).Items.Count);
        Assert.Contains(card.Body.OfType<TextBlock>(), t => t.Text == $"and {100 - ReplyCardRenderer.MaxTableRows} more");
    }

    [Fact]
    public void An_answer_too_large_even_without_its_table_still_fits()
    {
        var reply = new Reply
        {
            Title = "Everything",
            Text = new string('x', 60_000),
            Facts = [.. Enumerable.Range(0, 500).Select(i => new ReplyFact($"Fact {i}", new string('y', 300)))],
            Context = [.. Enumerable.Range(0, 100).Select(_ => new string('z', 500))],
        };
        Assert.True(ReplyCardRenderer.Render(reply).ByteSize() <= ReplyCardRenderer.CardBudgetBytes);
    }

    private static Reply HugeReply(int rows, int cellLength) => new()
    {
        Kind = ReplyKind.List,
        Title = "All deals",
        Text = $"{rows} deals.",
        Table = new ReplyTable(
            ["Deal", "Account", "Amount"],
            [.. Enumerable.Range(0, rows).Select(i => (IReadOnlyList<string>)[new string('d', cellLength), new string('a', cellLength), i.ToString(System.Globalization.CultureInfo.InvariantCulture)])],
            rows)
        { NumericColumns = new HashSet<int> { 2 } },
    };
}

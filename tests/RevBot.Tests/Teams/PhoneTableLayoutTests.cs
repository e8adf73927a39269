using System.Text.Json;
using RevBot.Core.Replies;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;
using RevBot.Testing;

namespace RevBot.Tests.Teams;

/// <summary>
/// Tables on a Teams card at 320 px: at most three columns, the name stretching and wrapping on words, numbers in
/// "auto" columns that never wrap (so "$584,000" cannot split), the other columns as a subtle line under the name.
/// </summary>
public sealed class PhoneTableLayoutTests
{
    public static TheoryData<string> ListNames => [.. ListReplySamples.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ListNames))]
    public void Every_list_answer_has_at_most_three_columns_with_numbers_auto_wide_and_names_wrapping(string name)
    {
        var reply = ListReplySamples.All().Single(s => s.Name == name).Reply;
        var rows = Rows(ReplyCardRenderer.Render(reply));

        Assert.Equal(reply.Table!.Rows.Count + 1, rows.Count);
        var numeric = NarrowTable.From(reply.Table).Columns.Select(c => c.Numeric).ToList();
        foreach (var row in rows)
        {
            Assert.InRange(row.Columns.Count, 1, NarrowTable.MaxColumns);
            Assert.Equal(numeric.Select(n => n ? ColumnWidth.Auto : ColumnWidth.Stretch), row.Columns.Select(c => c.Width!.Value));
            foreach (var (column, isNumber) in row.Columns.Zip(numeric))
            {
                var text = Assert.IsType<TextBlock>(column.Items[0]);
                Assert.Equal(isNumber ? (null, HorizontalAlignment.Right) : (true, null), (text.Wrap, text.HorizontalAlignment));
            }
        }
    }

    [Fact]
    public void A_deal_row_reads_name_and_amount_with_owner_stage_and_close_date_on_a_subtle_line()
    {
        var rows = Rows(ReplyCardRenderer.Render(ListReplySamples.TopDeals("en")));

        Assert.Equal(["Deal", "Amount"], rows[0].Columns.Select(c => ((TextBlock)c.Items[0]).Text));
        var first = rows[1];
        Assert.Equal(true, first.Separator);
        Assert.Equal("$553K", ((TextBlock)first.Columns[1].Items[0]).Text);
        var detail = Assert.IsType<TextBlock>(first.Columns[0].Items[1]);
        Assert.Equal(("Ana García · Negotiation · closes Dec 1, 2026", TextSize.Small, true, true), (detail.Text, detail.Size, detail.IsSubtle, detail.Wrap));
    }

    [Fact]
    public void No_card_uses_an_adaptive_card_table_whose_relative_columns_split_numbers()
    {
        foreach (var (name, card) in TeamsCardSamples.All())
            Assert.DoesNotContain("\"type\":\"Table\"", JsonSerializer.Serialize(card, BotJson.Options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Choose a deal", "Open deal")]
    [InlineData("es", "Elige un negocio", "Abrir negocio")]
    public void A_pick_list_is_a_radio_list_of_whole_labels_and_one_open_button_that_sends_the_chosen_deal(string language, string label, string open)
    {
        var reply = ListReplySamples.PickList(language);
        var card = ReplyCardRenderer.Render(reply, language: language);

        var choice = Assert.Single(card.Body.OfType<InputChoiceSet>());
        // The first deal is chosen to start with, and a radio list cannot be left empty.
        Assert.Equal((ReplyCardRenderer.ValueKey, ChoiceInputStyle.Expanded, true, label), (choice.Id, choice.Style, choice.Wrap, choice.Label));
        Assert.Equal(reply.Actions.Select(a => new InputChoice(a.Label, a.Value)), choice.Choices);
        Assert.Equal(reply.Actions[0].Value, choice.Value);
        // One button, with no value of its own: the press carries the chosen deal's, as that deal's button did.
        var button = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!));
        Assert.Equal(("deal.open", open, (object?)null), (button.Verb, button.Title, button.Data));
    }

    [Fact]
    public void Open_buttons_beside_other_buttons_stay_buttons()
    {
        var reply = new Reply
        {
            Title = "2 stalled deals", Text = "x",
            Actions = [new("deal.open", "Acme — Renewal", "d1"), new("deal.open", "Globex — New", "d2"), new("alert.snooze", "Snooze", "a1")],
        };
        var card = ReplyCardRenderer.Render(reply);

        Assert.Empty(card.Body.OfType<InputChoiceSet>());
        Assert.Equal(["deal.open", "deal.open", "alert.snooze"], card.Actions!.Cast<ExecuteAction>().Select(a => a.Verb));
    }

    private static List<ColumnSet> Rows(AdaptiveCard card) =>
        [.. card.Body.OfType<Container>().Single(c => c.Id == ReplyTableRenderer.ContainerId).Items.Cast<ColumnSet>()];
}

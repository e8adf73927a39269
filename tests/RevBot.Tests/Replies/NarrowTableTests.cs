using RevBot.Core.Replies;
using RevBot.Testing;

namespace RevBot.Tests.Replies;

/// <summary>The phone layout of a table, shared by Slack and Teams: at most three columns, the rest on a second line.</summary>
public sealed class NarrowTableTests
{
    [Fact]
    public void The_top_deals_keep_deal_and_amount_and_read_the_rest_under_the_name()
    {
        var en = NarrowTable.From(ListReplySamples.TopDeals("en").Table!);
        var es = NarrowTable.From(ListReplySamples.TopDeals("es").Table!);

        Assert.Equal([new NarrowColumn("Deal", false), new NarrowColumn("Amount", true)], en.Columns);
        Assert.Equal(["Acme Corporation – renewal 2021", "$553K"], en.Rows[0].Cells);
        // The account is in the deal's name already, so the second line leaves it off.
        Assert.Equal("Ana García · Negotiation · closes Dec 1, 2026", en.Rows[0].Detail);
        Assert.Equal(["Negocio", "Importe"], es.Columns.Select(c => c.Header));
        Assert.Equal("Ana García · Negotiation · cierra el 1 dic 2026", es.Rows[0].Detail);
    }

    [Fact]
    public void A_wide_table_without_a_choice_keeps_its_name_and_last_number_and_labels_the_other_numbers()
    {
        var table = new ReplyTable(["Segment", "Won", "Closed", "Win rate"], [["Enterprise", "212", "801", "26.5%"]], 1) { NumericColumns = new HashSet<int> { 1, 2, 3 } };
        var narrow = NarrowTable.From(table);

        Assert.Equal(["Segment", "Win rate"], narrow.Columns.Select(c => c.Header));
        Assert.Equal("Won: 212 · Closed: 801", narrow.Rows[0].Detail);
        Assert.Equal(["Enterprise", "26.5%"], narrow.Rows[0].Cells);
        Assert.False(narrow.IsBreakdown);
    }

    [Fact]
    public void Empty_cells_are_left_off_the_second_line_and_a_small_table_stays_as_it_is()
    {
        var table = new ReplyTable(["Deal", "Account", "Owner", "Stage", "Close", "Amount"], [["Globex – new", "—", "", "Proposal", "—", "$9,500"]], 1)
        { NumericColumns = new HashSet<int> { 5 }, NarrowColumns = [0, 5], DetailFormats = new Dictionary<int, string> { [4] = "closes {0}" } };
        Assert.Equal("Proposal", NarrowTable.From(table).Rows[0].Detail);

        var small = NarrowTable.From(ListReplySamples.Breakdown().Table!);
        Assert.Equal(["Region", "Win rate", "vs Q3"], small.Columns.Select(c => c.Header));
        Assert.True(small.IsBreakdown);
        Assert.All(small.Rows, r => Assert.Equal("", r.Detail));
    }

    [Fact]
    public void Every_list_answer_narrows_to_at_most_three_columns()
    {
        foreach (var (name, reply) in ListReplySamples.All())
        {
            var narrow = NarrowTable.From(reply.Table!);
            Assert.InRange(narrow.Columns.Count, 1, NarrowTable.MaxColumns);
            Assert.All(narrow.Rows, r => Assert.Equal(narrow.Columns.Count, r.Cells.Count));
            Assert.False(narrow.Columns[narrow.NameColumn].Numeric, name);
        }
    }
}

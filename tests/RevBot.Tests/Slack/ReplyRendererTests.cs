using RevBot.Core.Conversation;
using RevBot.Core.Replies;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Tests.Slack;

public sealed class ReplyRendererTests
{
    private static Reply Metric() => new()
    {
        Title = "Win rate · Q4 2026",
        Text = "Win rate is 42.0% (12 won of 29 closed).",
        Facts = [new ReplyFact("Won", "12"), new ReplyFact("Lost", "17")],
        Context = ["Q4 2026 (Oct 1 – Dec 31)", "Won deals divided by closed deals."],
        Actions = [new ReplyAction("ask", "By owner", "win rate Q4 2026 by owner"), new ReplyAction("ask", "How is this calculated?", "how is win rate calculated?")],
    };

    [Fact]
    public void A_metric_answer_becomes_header_text_fields_context_and_buttons()
    {
        var message = ReplyRenderer.Render(Metric());

        Assert.Collection(message.Blocks,
            b => Assert.Equal("Win rate · Q4 2026", Assert.IsType<HeaderBlock>(b).Text.Text),
            b => Assert.Equal("Win rate is 42.0% (12 won of 29 closed).", Assert.IsType<SectionBlock>(b).Text!.Text),
            b => Assert.Equal(["*Won*\n12", "*Lost*\n17"], Assert.IsType<SectionBlock>(b).Fields!.Select(f => f.Text)),
            b => Assert.Equal(2, Assert.IsType<ContextBlock>(b).Elements.Count),
            b => Assert.Equal(["ask:1", "ask:2"], Assert.IsType<ActionsBlock>(b).Elements.Cast<ButtonElement>().Select(e => e.ActionId)));
        Assert.Equal("Win rate · Q4 2026: Win rate is 42.0% (12 won of 29 closed).", message.Text);
    }

    [Fact]
    public void User_and_database_text_is_escaped_everywhere_mrkdwn_is_used()
    {
        var reply = new Reply
        {
            Title = "Deals for <Acme & Sons>",
            Text = "Top deal: <!channel> & <@U123>",
            Facts = [new ReplyFact("A&B", "<1>")],
            Table = new ReplyTable(["Account"], [["R&D <Labs>"]], 1),
            Context = ["Owner > 5"],
        };
        var message = ReplyRenderer.Render(reply);
        var json = RevBot.Slack.SlackJson.Serialize(message.Blocks);

        Assert.Equal("Deals for <Acme & Sons>", ((HeaderBlock)message.Blocks[0]).Text.Text); // plain_text: literal
        Assert.Equal("Top deal: &lt;!channel&gt; &amp; &lt;@U123&gt;", ((SectionBlock)message.Blocks[1]).Text!.Text);
        Assert.Contains("*A&amp;B*\\n&lt;1&gt;", json, StringComparison.Ordinal);
        Assert.Contains("R&amp;D &lt;Labs&gt;", json, StringComparison.Ordinal);
        Assert.Contains("Owner &gt; 5", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_list_is_summarised_within_the_section_limit()
    {
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Account number {i} with a long name", "$1,234,567"]).ToList();
        var reply = new Reply { Kind = ReplyKind.List, Title = "Top 500", Text = "The biggest open deals.", Table = new ReplyTable(["#", "Account", "Amount"], rows, 1200) { NumericColumns = new HashSet<int> { 0, 2 } } };

        var blocks = ReplyRenderer.Render(reply).Blocks.Skip(2).ToList();

        // A breakdown: ten rows of fields to a section, the heading line above the first, then how many are left.
        var sections = blocks.OfType<SectionBlock>().ToList();
        Assert.Equal(ListText.MaxRows / BlockKitLimits.SectionFields, sections.Count);
        Assert.Equal("*Account*  ·  Amount", sections[0].Text!.Text);
        Assert.All(sections, s => Assert.Equal(BlockKitLimits.SectionFields, s.Fields!.Count));
        Assert.Equal("*1. Account number 1 with a long name*\n$1,234,567", sections[0].Fields![0].Text);
        var more = Assert.IsType<ContextBlock>(blocks[^1]);
        Assert.Equal($"_… and {1200 - ListText.MaxRows} more_", ((MrkdwnText)more.Elements[0]).Text);
    }

    [Fact]
    public void Over_ten_facts_show_nine_and_a_count()
    {
        var reply = Metric() with { Facts = [.. Enumerable.Range(1, 14).Select(i => new ReplyFact($"F{i}", "1"))] };
        var fields = ((SectionBlock)ReplyRenderer.Render(reply, new ReplyRenderOptions { Language = "es" }).Blocks[2]).Fields!;
        Assert.Equal(10, fields.Count);
        Assert.Equal("_… y 5 más_", fields[^1].Text);
    }

    [Fact]
    public void Long_texts_are_fitted_to_every_limit()
    {
        var reply = new Reply
        {
            Title = new string('T', 400),
            Text = string.Join(' ', Enumerable.Repeat("word&", 2000)),
            Actions = [.. Enumerable.Range(0, 40).Select(i => new ReplyAction(new string('a', 300), new string('L', 100), new string('v', 3000)))],
        };
        var blocks = ReplyRenderer.Render(reply).Blocks;

        Assert.Equal(BlockKitLimits.HeaderText, ((HeaderBlock)blocks[0]).Text.Text.Length);
        var sections = blocks.OfType<SectionBlock>().ToList();
        Assert.InRange(sections.Count, 2, 3);
        Assert.All(sections, s => Assert.InRange(s.Text!.Text.Length, 1, BlockKitLimits.SectionText));
        Assert.All(sections, s => Assert.DoesNotMatch("&(a|am|amp)?$", s.Text!.Text));
        var buttons = blocks.OfType<ActionsBlock>().Single().Elements.Cast<ButtonElement>().ToList();
        Assert.Equal(BlockKitLimits.ActionsElements, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.Text.Text.Length <= 75 && b.Value!.Length <= 2000 && b.ActionId.Length <= 255));
        Assert.Equal(buttons.Count, buttons.Select(b => b.ActionId).Distinct().Count());
    }

    [Fact]
    public void An_ephemeral_answer_can_carry_a_share_button()
    {
        var message = ReplyRenderer.Render(Metric(), new ReplyRenderOptions { ShareValue = "win rate this quarter" });
        var share = message.Blocks.OfType<ActionsBlock>().Single().Elements.Cast<ButtonElement>().Last();
        Assert.Equal(SlackActionIds.Share, share.ActionId);
        Assert.Equal("Share in channel", share.Text.Text);
        Assert.Equal("win rate this quarter", share.Value);
    }

    [Fact]
    public void Help_from_core_renders_within_limits()
    {
        var message = ReplyRenderer.Render(GuidanceComposer.Help("es").Reply, new ReplyRenderOptions { Language = "es" });
        Assert.All(message.Blocks.OfType<SectionBlock>(), s => Assert.True(s.Text!.Text.Length <= BlockKitLimits.SectionText));
        // Help is a short list: the example questions as buttons, not a paragraph naming every metric.
        Assert.Equal(SuggestedQuestions.Help("es"), message.Blocks.OfType<ActionsBlock>().Single().Elements.OfType<ButtonElement>().Select(b => b.Text.Text));
        Assert.True(GuidanceComposer.Help("es").Text.Length < 500);
    }

    [Fact]
    public void Working_on_it_is_a_small_context_message_with_the_question_escaped()
    {
        var message = SlackMessages.WorkingOnIt("win rate <this> quarter");
        Assert.Equal("Working on it…", message.Text);
        Assert.Equal(":hourglass_flowing_sand: Working on it… _win rate &lt;this&gt; quarter_", ((ContextBlock)Assert.Single(message.Blocks)).Elements[0].Text);
    }

    [Fact]
    public void The_words_around_an_answer_are_in_the_language_of_the_question()
    {
        var question = "tasa de cierre por región";
        Assert.Equal("es", QuestionLanguage.Of(question));
        Assert.Equal("en", QuestionLanguage.Of("win rate by region"));
        Assert.Equal("Trabajando en ello…", SlackMessages.WorkingOnIt(question, QuestionLanguage.Of(question)).Text);
        Assert.Equal("Compartir en el canal", SlackMessages.ShareAction(question, "es").Label);
        Assert.Equal("Share in channel", SlackMessages.ShareAction("win rate").Label);
        Assert.StartsWith("El gráfico se comparte solo donde", SlackMessages.ChartNotShared("es"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_modals_own_words_are_in_the_forms_language()
    {
        var form = new ReplyForm
        {
            Id = "deal.lose", Title = "Marcar como perdido", SubmitLabel = "Guardar",
            Fields = [new ReplyFormField { Id = "reason", Label = "Motivo", Kind = ReplyFieldKind.Choice, Choices = [new ReplyChoice("price", "Precio")] }],
            State = new ReplyFormState("deal-1", 1, "k1", "es"),
        };
        var spanish = FormModal.Render(form, "{}");
        Assert.Equal("Cancelar", spanish.Close!.Text);
        Assert.Equal("Elige", ((StaticSelectElement)((InputBlock)spanish.Blocks[0]).Element).Placeholder!.Text);
        Assert.Equal("Cancel", FormModal.Render(form with { State = new ReplyFormState("deal-1", 1, "k1") }, "{}").Close!.Text);
    }

    [Fact]
    public void A_chart_without_a_table_is_drawn_as_text_bars()
    {
        var reply = new Reply { Title = "Bookings", Text = "Up.", Chart = new ReplyChart("By month", [new ChartPoint("Jan", 50), new ChartPoint("Feb", 100)], "k$") };
        var text = ((SectionBlock)ReplyRenderer.Render(reply).Blocks[2]).Text!.Text;
        Assert.Contains("Feb ████████████████████ 100 k$", text, StringComparison.Ordinal);
        Assert.Contains("Jan ██████████", text, StringComparison.Ordinal);
    }
}

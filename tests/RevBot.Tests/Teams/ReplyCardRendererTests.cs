using System.Text.Json;
using RevBot.Core.Replies;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;
using RevBot.Testing;

namespace RevBot.Tests.Teams;

public sealed class ReplyCardRendererTests
{
    [Fact]
    public void A_metric_answer_has_a_large_bold_title_text_facts_table_context_and_execute_buttons()
    {
        var reply = TeamsCardSamples.Metric();
        var card = ReplyCardRenderer.Render(reply);

        var title = Assert.IsType<TextBlock>(card.Body[0]);
        Assert.Equal((TextSize.Large, TextWeight.Bolder, true), (title.Size, title.Weight, title.Wrap));
        Assert.Equal(reply.Facts.Count, card.Body.OfType<FactSet>().Single().Facts.Count);
        // Four columns on a phone become two: the segment (stretching) and the win rate ("auto", right); won and closed go under the segment.
        var rows = card.Body.OfType<Container>().Single(c => c.Id == ReplyTableRenderer.ContainerId).Items.Cast<ColumnSet>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal([ColumnWidth.Stretch, ColumnWidth.Auto], r.Columns.Select(c => c.Width)));
        Assert.Equal(["Enterprise", "Won: 212 · Closed: 801"], rows[1].Columns[0].Items.Cast<TextBlock>().Select(t => t.Text));
        var rate = Assert.IsType<TextBlock>(Assert.Single(rows[1].Columns[1].Items));
        Assert.Equal(("26.5%", HorizontalAlignment.Right, (bool?)null), (rate.Text, rate.HorizontalAlignment, rate.Wrap));
        var context = card.Body.OfType<TextBlock>().Where(t => t.IsSubtle == true).ToList();
        Assert.Equal(2, context.Count);
        Assert.All(context, c => Assert.Equal(TextSize.Small, c.Size));
        Assert.Equal(TeamsCardProperties.FullWidth, card.MsTeams);
        Assert.Equal(reply.Text, card.FallbackText);

        var first = Assert.IsType<ExecuteAction>(card.Actions![0]);
        Assert.Equal(("ask", "By owner", ActionStyle.Positive), (first.Verb, first.Title, first.Style));
        Assert.Equal("""{"value":"win rate by owner this quarter"}""", JsonSerializer.Serialize(first.Data, BotJson.Options));
    }

    [Fact]
    public void A_digest_shows_its_sections_and_its_stored_charts_as_images_from_the_public_base_url()
    {
        var reply = TeamsCardSamples.Digest();
        var card = ReplyCardRenderer.Render(reply, imageBase: new Uri("https://revbot.example.com/teams/"));

        var images = card.Body.OfType<Image>().ToList();
        Assert.Equal(reply.Images.Select(i => $"https://revbot.example.com/teams/images/{i.Token}.png"), images.Select(i => i.Url.ToString()));
        Assert.Equal(reply.Images.Select(i => i.AltText), images.Select(i => i.AltText));
        var texts = card.Body.OfType<TextBlock>().Select(t => t.Text).ToList();
        Assert.Contains("Top deals won", texts);
        Assert.Contains(texts, t => t.EndsWith("Acme — Platform renewal · $240K · Ana", StringComparison.Ordinal) && t.StartsWith('1'));
        Assert.Contains("No stalled deals.", texts);

        // Without a public URL Teams could not load them: no images, the rest unchanged.
        var without = ReplyCardRenderer.Render(reply);
        Assert.Empty(without.Body.OfType<Image>());
        Assert.Equal(card.Body.Count - images.Count, without.Body.Count);
    }

    [Fact]
    public void An_error_is_shown_in_the_attention_color()
    {
        var card = ReplyCardRenderer.Render(new Reply { Kind = ReplyKind.Error, Title = "Oops", Text = "The database did not answer." });
        Assert.All(card.Body.OfType<TextBlock>(), t => Assert.Equal(TextColor.Attention, t.Color));
        Assert.Null(card.MsTeams);
    }

    [Fact]
    public void More_than_six_actions_keep_five_buttons_and_fold_the_rest_under_more()
    {
        var reply = new Reply { Title = "t", Text = "x", Actions = [.. Enumerable.Range(1, 9).Select(i => new ReplyAction("ask", $"Q{i}", $"q{i}"))] };
        var actions = ReplyCardRenderer.Render(reply).Actions!;

        Assert.Equal(6, actions.Count);
        var more = Assert.IsType<ShowCardAction>(actions[5]);
        Assert.Equal(["Q6", "Q7", "Q8", "Q9"], more.Card.Actions!.Select(a => a.Title));
        Assert.Equal("More", more.Title);
        Assert.Equal("Más", ReplyCardRenderer.Render(reply, language: "es").Actions![5].Title);
    }

    [Fact]
    public void The_reply_message_carries_only_the_card_and_a_summary_for_notifications()
    {
        var activity = ReplyCardRenderer.ToActivity(TeamsCardSamples.Metric());
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(activity.Attachments!).ContentType);
        Assert.StartsWith("Win rate was 31.2%", activity.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_table_says_how_many_rows_are_left_in_the_answers_language()
    {
        var reply = new Reply { Title = "Win rate", Text = "x", Table = new ReplyTable(["Rep", "Win rate"], [["Dana", "60%"]], 1_235) };
        string More(string language) => ((TextBlock)ReplyCardRenderer.Render(reply, language: language).Body.Last(e => e is TextBlock)).Text;
        Assert.Equal("y 1.234 más", More("es"));
        Assert.Equal("and 1,234 more", More("en"));
    }

    [Fact]
    public void A_chart_without_a_table_is_shown_as_a_label_value_table()
    {
        var card = ReplyCardRenderer.Render(new Reply { Title = "ARR", Text = "x", Chart = new ReplyChart("Month", [new("Jan", 1200.5), new("Feb", 1300)], "USD") });
        var rows = card.Body.OfType<Container>().Single(c => c.Id == ReplyTableRenderer.ContainerId).Items.Cast<ColumnSet>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Month", "Jan", "Feb"], rows.Select(r => ((TextBlock)r.Columns[0].Items[0]).Text));
        Assert.Equal(HorizontalAlignment.Right, ((TextBlock)rows[2].Columns[1].Items[0]).HorizontalAlignment);
    }

    [Theory]
    [InlineData("Q3 *estimate*", "Q3 \\*estimate\\*")]
    [InlineData("acme_corp [EMEA]", "acme\\_corp \\[EMEA\\]")]
    [InlineData("1. first\n- second", "1\\. first\n\n\\- second")]
    [InlineData("plain 1,196 won", "plain 1,196 won")]
    public void Plain_text_is_escaped_so_teams_does_not_read_it_as_markdown(string text, string expected) =>
        Assert.Equal(expected, CardText.Escape(text));

    [Fact]
    public void The_welcome_card_offers_example_questions_as_ask_buttons()
    {
        var card = WelcomeCard.Create();
        Assert.Equal(WelcomeCard.DefaultExamples().Count, card.Actions!.Count);
        Assert.All(card.Actions!.Cast<ExecuteAction>(), a => Assert.Equal(WelcomeCard.AskVerb, a.Verb));
        Assert.Equal("What's our win rate this quarter?", ((ExecuteAction)card.Actions![0]).Title);
        Assert.Equal("Hi, I'm RevBot", ((TextBlock)card.Body[0]).Text);
    }

    [Fact]
    public void The_welcome_card_and_the_cards_own_words_follow_the_language()
    {
        var card = WelcomeCard.Create(language: "es");
        Assert.Equal("Hola, soy RevBot", ((TextBlock)card.Body[0]).Text);
        Assert.Equal(["¿Cuál es nuestra tasa de cierre este trimestre?", "Pipeline por etapa", "¿Qué negocios están estancados?", "ARR por segmento", "¿Qué cuentas están en riesgo?"],
            card.Actions!.Cast<ExecuteAction>().Select(a => a.Title));
        Assert.Equal("Trabajando en ello…", ((TextBlock)WorkingOnIt.Card(null, "es").Body[0]).Text);
        Assert.Equal("Working on it…", ((TextBlock)WorkingOnIt.Card(null).Body[0]).Text);
        var huge = ReplyCardLayout.TooLarge(new Reply { Title = "ARR", Text = "x" }, "es");
        Assert.StartsWith("Esta respuesta es demasiado grande", ((TextBlock)huge.Body[1]).Text, StringComparison.Ordinal);
        Assert.StartsWith("This answer is too large to show in Teams.", ((TextBlock)ReplyCardLayout.TooLarge(new Reply { Title = "ARR", Text = "x" }).Body[1]).Text, StringComparison.Ordinal);
    }
}

using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Tests.Conversation;

/// <summary>Issue 19: a title matches what happened, and a title read on one line with its text is not "Who are you?: …".</summary>
public sealed class TitleTests
{
    [Fact]
    public void Not_understood_says_so_but_an_understood_question_that_cannot_be_answered_does_not()
    {
        var gibberish = GuidanceComposer.NotUnderstood(new ParsedQuestion { Language = "en" });
        Assert.Equal("I didn't get that", gibberish.Reply!.Title);

        // "my pipeline" from someone RevBot cannot place: understood, just not answerable.
        var mine = new ParsedQuestion { Language = "en", Metric = "pipeline" };
        Assert.Equal("Who are you?", GuidanceComposer.NotUnderstood(mine, Texts.Get("en", nameof(Catalog.AskWhoAreYou)), nameof(Catalog.AskWhoAreYouTitle)).Reply!.Title);
        Assert.Equal("¿Quién eres?", GuidanceComposer.NotUnderstood(mine with { Language = "es" }, Texts.Get("es", nameof(Catalog.AskWhoAreYou)), nameof(Catalog.AskWhoAreYouTitle)).Reply!.Title);
        Assert.Equal("I can't answer that", GuidanceComposer.NotUnderstood(mine, "CAC cannot be split by stage.").Reply!.Title);
        Assert.Equal("No puedo responder a eso", GuidanceComposer.NotUnderstood(mine with { Language = "es" }, "No.").Reply!.Title);
    }

    [Theory]
    [InlineData("Who are you?", "I can't find you in RevBot.", "Who are you? I can't find you in RevBot.")]
    [InlineData("¿Quién eres?", "No te encuentro.", "¿Quién eres? No te encuentro.")]
    [InlineData("Deal updated", "Acme is now in Proposal.", "Deal updated: Acme is now in Proposal.")]
    [InlineData("", "Just the text.", "Just the text.")]
    [InlineData(null, "Just the text.", "Just the text.")]
    [InlineData("Only a title", "", "Only a title")]
    public void A_title_and_its_text_on_one_line(string? title, string text, string expected) =>
        Assert.Equal(expected, ReplyText.TitleAndText(title, text));
}

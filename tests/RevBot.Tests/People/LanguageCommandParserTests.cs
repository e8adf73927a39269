using RevBot.Core.People;

namespace RevBot.Tests.People;

/// <summary>The language command is the whole turn, in English or Spanish, naming the language by code or by any name its catalog lists.</summary>
public sealed class LanguageCommandParserTests
{
    [Theory]
    [InlineData("speak Spanish", "es", "en")]
    [InlineData("answer in English", "en", "en")]
    [InlineData("Talk to me in Spanish, please.", "es", "en")]
    [InlineData("reply in español", "es", "en")]
    [InlineData("language: es", "es", "en")]
    [InlineData("set my language to english", "en", "en")]
    [InlineData("switch to Spanish", "es", "en")]
    [InlineData("háblame en español", "es", "es")]
    [InlineData("habla en inglés", "en", "es")]
    [InlineData("Respóndeme en castellano por favor", "es", "es")]
    [InlineData("idioma: en", "en", "es")]
    [InlineData("cambia el idioma a inglés", "en", "es")]
    public void A_whole_turn_naming_a_language_is_the_command_and_says_which_language_it_was_said_in(string text, string wanted, string said)
    {
        Assert.True(LanguageCommandParser.TryParse(text, out var command));
        Assert.Equal((wanted, said), (command.Wanted, command.Language));
    }

    [Theory]
    [InlineData("speak Klingon", "klingon", "en")]
    [InlineData("language: fr", "fr", "en")]
    [InlineData("háblame en francés", "frances", "es")]
    public void A_language_revbot_has_no_catalog_for_is_still_the_command_with_nothing_wanted(string text, string named, string said)
    {
        Assert.True(LanguageCommandParser.TryParse(text, out var command));
        Assert.Equal((null, named, said), (command.Wanted, command.Named, command.Language));
        Assert.Equal("English, español", LanguageCommandParser.Spoken());
    }

    [Theory]
    [InlineData("pipeline in spanish")]
    [InlineData("what is our win rate")]
    [InlineData("languages")]
    [InlineData("language")]
    [InlineData("speak")]
    [InlineData("ventas cerradas en español este mes")]
    [InlineData("¿Me oyes? Habla en inglés")]
    [InlineData("")]
    public void A_question_that_mentions_a_language_or_a_word_alone_is_not_the_command(string text) =>
        Assert.False(LanguageCommandParser.TryParse(text, out _));
}

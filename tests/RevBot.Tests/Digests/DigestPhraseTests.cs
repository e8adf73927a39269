using RevBot.Core.Digests;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Metrics;

namespace RevBot.Tests.Digests;

/// <summary>Schedule phrases in English and Spanish become a kind, a cron expression, options and filters.</summary>
public sealed class DigestPhraseTests
{
    private static readonly Dictionary<string, (Dimension, string)> Known = new()
    {
        ["emea"] = (Dimension.Region, "EMEA"),
        ["north america"] = (Dimension.Region, "North America"),
        ["smb"] = (Dimension.Segment, "SMB"),
    };

    [Theory]
    [InlineData("digest weekly sales every monday 9:00", DigestPhraseAction.Schedule, DigestKind.Sales, "0 9 * * 1", "en")]
    [InlineData("post the cs digest here on Mondays at 8:30", DigestPhraseAction.Schedule, DigestKind.Cs, "30 8 * * 1", "en")]
    [InlineData("digest preview sales", DigestPhraseAction.Preview, DigestKind.Sales, "0 9 * * 1", "en")]
    [InlineData("/revbot digest exec every friday at 4:30pm", DigestPhraseAction.Schedule, DigestKind.Exec, "30 16 * * 5", "en")]
    [InlineData("digest finance daily at 7am", DigestPhraseAction.Schedule, DigestKind.Finance, "0 7 * * *", "en")]
    [InlineData("marketing digest every weekday at 8", DigestPhraseAction.Schedule, DigestKind.Marketing, "0 8 * * 1-5", "en")]
    [InlineData("digest sales mondays and thursdays 17:15", DigestPhraseAction.Schedule, DigestKind.Sales, "15 17 * * 1,4", "en")]
    [InlineData("digest sales monday to friday 9", DigestPhraseAction.Schedule, DigestKind.Sales, "0 9 * * 1-5", "en")]
    [InlineData("resumen de ventas los lunes a las 9:00", DigestPhraseAction.Schedule, DigestKind.Sales, "0 9 * * 1", "es")]
    [InlineData("publica aquí el resumen de éxito de clientes los miércoles a las 8:30", DigestPhraseAction.Schedule, DigestKind.Cs, "30 8 * * 3", "es")]
    [InlineData("resumen semanal de finanzas de lunes a viernes a las 7", DigestPhraseAction.Schedule, DigestKind.Finance, "0 7 * * 1-5", "es")]
    [InlineData("vista previa del resumen de dirección", DigestPhraseAction.Preview, DigestKind.Exec, "0 9 * * 1", "es")]
    [InlineData("resumen de marketing cada día a las 18h30", DigestPhraseAction.Schedule, DigestKind.Marketing, "30 18 * * *", "es")]
    public void A_phrase_becomes_a_kind_and_a_cron(string text, DigestPhraseAction action, DigestKind kind, string cron, string language)
    {
        Assert.True(DigestPhraseParser.TryParse(text, null, out var phrase, out var problem), problem);

        Assert.Equal((action, kind, cron, language), (phrase!.Action, phrase.Schedule.Kind, phrase.Schedule.Cron, phrase.Language));
        Assert.True(DigestCron.IsValid(phrase.Schedule.Cron));
        Assert.False(phrase.Schedule.SkipIfEmpty);
        Assert.Empty(phrase.Schedule.Filters);
    }

    [Theory]
    [InlineData("digest weekly sales every monday 9:00 skip if empty")]
    [InlineData("resumen de ventas los lunes a las 9:00, omitir si está vacío")]
    public void Skip_if_empty_is_an_option(string text)
    {
        Assert.True(DigestPhraseParser.TryParse(text, null, out var phrase, out _));

        Assert.True(phrase!.Schedule.SkipIfEmpty);
    }

    [Theory]
    [InlineData("digest sales every monday 9:00 region EMEA segment=SMB", "Region=EMEA;Segment=SMB")]
    [InlineData("digest sales every monday 9:00 for team \"Sales EMEA\"", "Team=Sales EMEA")]
    [InlineData("post the sales digest for North America on Mondays at 8:30", "Region=North America")]
    [InlineData("resumen de ventas en EMEA del segmento SMB los lunes", "Region=EMEA;Segment=SMB")]
    [InlineData("resumen de ventas del equipo \"Ventas Iberia\" los lunes a las 9", "Team=Ventas Iberia")]
    public void Filters_are_read_explicitly_or_from_known_values(string text, string expected)
    {
        Assert.True(DigestPhraseParser.TryParse(text, Known, out var phrase, out var problem), problem);

        Assert.Equal(expected, string.Join(';', phrase!.Schedule.Filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")));
    }

    [Theory]
    [InlineData("digest every monday 9:00", "Which digest? sales, cs, marketing, finance or exec.")]
    [InlineData("digest sales every monday 25:00", "I can't read the time \"25:00\": write it like 9:00, 9am or 16:30.")]
    [InlineData("resumen los lunes", "¿Qué resumen? Ventas (sales), cs, marketing, finanzas (finance) o dirección (exec).")]
    public void A_digest_phrase_that_cannot_be_read_says_what_is_missing(string text, string expected)
    {
        Assert.False(DigestPhraseParser.TryParse(text, null, out var phrase, out var problem));

        Assert.Null(phrase);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_question_is_not_a_digest_phrase()
    {
        Assert.False(DigestPhraseParser.TryParse("bookings last week in EMEA", Known, out _, out var problem));

        Assert.Null(problem);
    }
}

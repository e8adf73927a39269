using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Tests.Conversation;

namespace RevBot.Tests.ScheduledQuestions;

/// <summary>
/// Schedule sentences, English and Spanish, and the structure each must produce: the question left once the schedule
/// words are taken out (read by the question parser like any other), the cron, who gets it, the options and the
/// language. Then what is refused (naming the words), and what stays a plain question.
/// </summary>
public sealed class ScheduleSentenceTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    /// <summary>Text; question left; cron; target; options ("-", "changed", "empty", "both"); language; the question's metric ("list" for a list).</summary>
    public static TheoryData<string, string, string, string, string, string, string> Sentences => new()
    {
        { "every Monday at 9 send me my pipeline by stage", "my pipeline by stage", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "post bookings by region here on the 1st of each month", "bookings by region", "0 9 1 * *", "here", "-", "en", "bookings" },
        { "cada lunes a las 9 envíame el pipeline por etapa", "el pipeline por etapa", "0 9 * * 1", "me", "-", "es", "pipeline" },
        { "daily at 8am win rate this quarter", "win rate this quarter", "0 8 * * *", "me", "-", "en", "win_rate" },
        { "every weekday at 8:30 send me pipeline", "pipeline", "30 8 * * 1-5", "me", "-", "en", "pipeline" },
        { "every day at 7 send me bookings this month", "bookings this month", "0 7 * * *", "me", "-", "en", "bookings" },
        { "each day at 18:00 post win rate this quarter here", "win rate this quarter", "0 18 * * *", "here", "-", "en", "win_rate" },
        { "every Friday at 5pm send me bookings this week", "bookings this week", "0 17 * * 5", "me", "-", "en", "bookings" },
        { "every Monday and Thursday at 9 send me pipeline coverage this quarter", "pipeline coverage this quarter", "0 9 * * 1,4", "me", "-", "en", "pipeline_coverage" },
        { "on Mondays at 10 post pipeline by stage in this channel", "pipeline by stage", "0 10 * * 1", "here", "-", "en", "pipeline" },
        { "weekly on Friday send me win rate this month", "win rate this month", "0 9 * * 5", "me", "-", "en", "win_rate" },
        { "weekly, send me bookings this quarter", "bookings this quarter", "0 9 * * 1", "me", "-", "en", "bookings" },
        { "send me ARR every Monday at 9", "ARR", "0 9 * * 1", "me", "-", "en", "arr" },
        { "send me bookings by region every month on the 15th", "bookings by region", "0 9 15 * *", "me", "-", "en", "bookings" },
        { "monthly on the 2nd at 8am send me bookings last month", "bookings last month", "0 8 2 * *", "me", "-", "en", "bookings" },
        { "on the last day of each month at 17:00 post bookings this month here", "bookings this month", "0 17 L * *", "here", "-", "en", "bookings" },
        { "at the start of each month send me win rate last month", "win rate last month", "0 9 1 * *", "me", "-", "en", "win_rate" },
        { "at the end of every month post bookings this month here", "bookings this month", "0 9 L * *", "here", "-", "en", "bookings" },
        { "every Monday at 9 send me pipeline by stage only if it changed", "pipeline by stage", "0 9 * * 1", "me", "changed", "en", "pipeline" },
        { "every day at 8 send me open deals over 50k only if anything changed", "open deals over 50k", "0 8 * * *", "me", "changed", "en", "list" },
        { "every Monday at 9 post pipeline by stage here, skip if empty", "pipeline by stage", "0 9 * * 1", "here", "empty", "en", "pipeline" },
        { "daily at 9 send me bookings today, skip if empty and only if it changed", "bookings today", "0 9 * * *", "me", "both", "en", "bookings" },
        { "every weekday at 9 dm me pipeline in EMEA", "pipeline in EMEA", "0 9 * * 1-5", "me", "-", "en", "pipeline" },
        { "every Tuesday at 11:15 post ARR by segment here", "ARR by segment", "15 11 * * 2", "here", "-", "en", "arr" },
        { "every Wednesday at noon send me win rate this quarter", "win rate this quarter", "0 12 * * 3", "me", "-", "en", "win_rate" },
        { "every Sunday at 20:00 send me bookings this week", "bookings this week", "0 20 * * 0", "me", "-", "en", "bookings" },
        { "every Saturday at 10am send me pipeline", "pipeline", "0 10 * * 6", "me", "-", "en", "pipeline" },
        { "schedule win rate this quarter every Monday at 8", "win rate this quarter", "0 8 * * 1", "me", "-", "en", "win_rate" },
        { "please send me bookings by rep every Friday at 4pm", "bookings by rep", "0 16 * * 5", "me", "-", "en", "bookings" },
        { "every Monday at 9 post top 5 reps by bookings this quarter here", "top 5 reps by bookings this quarter", "0 9 * * 1", "here", "-", "en", "bookings" },
        { "every morning send me pipeline", "pipeline", "0 9 * * *", "me", "-", "en", "pipeline" },
        { "every morning at 7:30 send me bookings this month", "bookings this month", "30 7 * * *", "me", "-", "en", "bookings" },
        { "every business day at 9 post pipeline here", "pipeline", "0 9 * * 1-5", "here", "-", "en", "pipeline" },
        { "monday to friday at 8 send me bookings this week", "bookings this week", "0 8 * * 1-5", "me", "-", "en", "bookings" },
        { "every workday at 6pm send me win rate this month", "win rate this month", "0 18 * * 1-5", "me", "-", "en", "win_rate" },
        { "every Monday at 9 Europe/Madrid send me pipeline", "pipeline", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "every Monday at 9 send us bookings this quarter", "bookings this quarter", "0 9 * * 1", "here", "-", "en", "bookings" },
        { "every Monday at 9 send it to me: pipeline by region", "pipeline by region", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "every Thursday at 3:45 pm post churn rate this quarter here", "churn rate this quarter", "45 15 * * 4", "here", "-", "en", "logo_churn_rate" },
        { "each Monday at 9 send me pipeline created this month", "pipeline created this month", "0 9 * * 1", "me", "-", "en", "pipeline_created" },
        { "every Monday, Wednesday and Friday at 9 send me pipeline", "pipeline", "0 9 * * 1,3,5", "me", "-", "en", "pipeline" },
        { "every Mon at 9 send me bookings", "bookings", "0 9 * * 1", "me", "-", "en", "bookings" },
        { "every fri at 9 send me win rate", "win rate", "0 9 * * 5", "me", "-", "en", "win_rate" },
        { "every Monday at 9:00 send me average deal size this quarter", "average deal size this quarter", "0 9 * * 1", "me", "-", "en", "avg_deal_size" },
        { "every Monday at 9 send me NRR this year", "NRR this year", "0 9 * * 1", "me", "-", "en", "nrr" },
        { "every day at 9 post deals won this week here", "deals won this week", "0 9 * * *", "here", "-", "en", "deals_won" },
        { "every Monday at 9 send me how are we doing this quarter", "how are we doing this quarter", "0 9 * * 1", "me", "-", "en", "-" },
        { "on the 1st of every month at 9 post ARR by region here", "ARR by region", "0 9 1 * *", "here", "-", "en", "arr" },
        { "every month on the 1st send me bookings last month", "bookings last month", "0 9 1 * *", "me", "-", "en", "bookings" },
        { "on the 5th of each month at 10:30 send me win rate last quarter", "win rate last quarter", "30 10 5 * *", "me", "-", "en", "win_rate" },
        { "every month send me bookings last month", "bookings last month", "0 9 1 * *", "me", "-", "en", "bookings" },
        { "once a week send me pipeline", "pipeline", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "every week at 8 post bookings this week here", "bookings this week", "0 8 * * 1", "here", "-", "en", "bookings" },
        { "every Monday at 9 message me pipeline by owner", "pipeline by owner", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "every Monday at 9 in a DM pipeline by stage", "pipeline by stage", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "every Monday at 9 post pipeline by stage to this channel only when it changes", "pipeline by stage", "0 9 * * 1", "here", "changed", "en", "pipeline" },
        { "every Monday at 9 send me stalled deals unless empty", "stalled deals", "0 9 * * 1", "me", "empty", "en", "list" },
        { "every Monday at 9 send me churn risk accounts, skip when empty", "churn risk accounts", "0 9 * * 1", "me", "empty", "en", "list" },
        { "every day at 9 send me bookings this quarter, skip if unchanged", "bookings this quarter", "0 9 * * *", "me", "changed", "en", "bookings" },
        { "every day at 9 send me bookings this quarter skip if nothing changed", "bookings this quarter", "0 9 * * *", "me", "changed", "en", "bookings" },
        { "every day at 9 send me bookings this quarter only if there is anything", "bookings this quarter", "0 9 * * *", "me", "empty", "en", "bookings" },
        { "every Monday @ 9 send me pipeline", "pipeline", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "every Monday at 9am post win rate by region here", "win rate by region", "0 9 * * 1", "here", "-", "en", "win_rate" },
        { "every Monday at 12am send me pipeline", "pipeline", "0 0 * * 1", "me", "-", "en", "pipeline" },
        { "every Monday at 12pm send me pipeline", "pipeline", "0 12 * * 1", "me", "-", "en", "pipeline" },
        { "every Monday at 9 post pipeline in here", "pipeline", "0 9 * * 1", "here", "-", "en", "pipeline" },
        { "every day at 9 publish bookings this week", "bookings this week", "0 9 * * *", "here", "-", "en", "bookings" },
        { "every Monday at 9 send me bookings for Enterprise this quarter", "bookings for Enterprise this quarter", "0 9 * * 1", "me", "-", "en", "bookings" },
        { "every Monday at 9 send me pipeline for Darcel Schlecht", "pipeline for Darcel Schlecht", "0 9 * * 1", "me", "-", "en", "pipeline" },
        { "every Monday at 9 send me bookings in West and East this quarter", "bookings in West and East this quarter", "0 9 * * 1", "me", "-", "en", "bookings" },

        { "cada día a las 8 envíame las ventas de este mes", "las ventas de este mes", "0 8 * * *", "me", "-", "es", "bookings" },
        { "todos los días a las 9 publica aquí el pipeline", "el pipeline", "0 9 * * *", "here", "-", "es", "pipeline" },
        { "todos los lunes a las 9 envíame la tasa de éxito de este trimestre", "la tasa de éxito de este trimestre", "0 9 * * 1", "me", "-", "es", "win_rate" },
        { "los lunes a las 10 publica el pipeline por etapa en este canal", "el pipeline por etapa", "0 10 * * 1", "here", "-", "es", "pipeline" },
        { "cada viernes a las 5 de la tarde envíame las ventas de esta semana", "las ventas de esta semana", "0 17 * * 5", "me", "-", "es", "bookings" },
        { "cada lunes y jueves a las 9 envíame el pipeline", "el pipeline", "0 9 * * 1,4", "me", "-", "es", "pipeline" },
        { "de lunes a viernes a las 8:30 envíame el pipeline", "el pipeline", "30 8 * * 1-5", "me", "-", "es", "pipeline" },
        { "los días laborables a las 9 envíame las ventas de hoy", "las ventas de hoy", "0 9 * * 1-5", "me", "-", "es", "bookings" },
        { "entre semana a las 9 publica aquí el pipeline por región", "el pipeline por región", "0 9 * * 1-5", "here", "-", "es", "pipeline" },
        { "el día 1 de cada mes a las 9 envíame las ventas del mes pasado", "las ventas del mes pasado", "0 9 1 * *", "me", "-", "es", "bookings" },
        { "el 15 de cada mes publica aquí el ARR por segmento", "el ARR por segmento", "0 9 15 * *", "here", "-", "es", "arr" },
        { "el primer día de cada mes envíame las ventas del mes pasado", "las ventas del mes pasado", "0 9 1 * *", "me", "-", "es", "bookings" },
        { "el último día de cada mes a las 18:00 envíame las ventas de este mes", "las ventas de este mes", "0 18 L * *", "me", "-", "es", "bookings" },
        { "cada mes el día 5 envíame la tasa de éxito del trimestre pasado", "la tasa de éxito del trimestre pasado", "0 9 5 * *", "me", "-", "es", "win_rate" },
        { "a principios de cada mes envíame las ventas del mes pasado", "las ventas del mes pasado", "0 9 1 * *", "me", "-", "es", "bookings" },
        { "a final de cada mes publica aquí las ventas de este mes", "las ventas de este mes", "0 9 L * *", "here", "-", "es", "bookings" },
        { "cada lunes a las 9 envíame el pipeline por etapa solo si cambia", "el pipeline por etapa", "0 9 * * 1", "me", "changed", "es", "pipeline" },
        { "cada lunes a las 9 envíame el pipeline por etapa, solo si ha cambiado", "el pipeline por etapa", "0 9 * * 1", "me", "changed", "es", "pipeline" },
        { "cada día a las 9 envíame los negocios estancados, omitir si está vacío", "los negocios estancados", "0 9 * * *", "me", "empty", "es", "list" },
        { "cada día a las 9 envíame las ventas de hoy solo si hay algo", "las ventas de hoy", "0 9 * * *", "me", "empty", "es", "bookings" },
        { "cada día a las 9 envíame las ventas de hoy solo si cambia y omitir si está vacío", "las ventas de hoy", "0 9 * * *", "me", "both", "es", "bookings" },
        { "diariamente a las 8 envíame el pipeline", "el pipeline", "0 8 * * *", "me", "-", "es", "pipeline" },
        { "a diario a las 7 mándame las ventas de esta semana", "las ventas de esta semana", "0 7 * * *", "me", "-", "es", "bookings" },
        { "cada semana envíame el pipeline", "el pipeline", "0 9 * * 1", "me", "-", "es", "pipeline" },
        { "semanalmente el viernes envíame las ventas de esta semana", "las ventas de esta semana", "0 9 * * 5", "me", "-", "es", "bookings" },
        { "cada mes envíame las ventas del mes pasado", "las ventas del mes pasado", "0 9 1 * *", "me", "-", "es", "bookings" },
        { "mensualmente envíame el ARR", "el ARR", "0 9 1 * *", "me", "-", "es", "arr" },
        { "cada lunes a las 9 envíame por privado el pipeline", "el pipeline", "0 9 * * 1", "me", "-", "es", "pipeline" },
        { "cada martes a las 11 publica el ARR por región", "el ARR por región", "0 11 * * 2", "here", "-", "es", "arr" },
        { "cada miércoles al mediodía envíame la tasa de éxito", "la tasa de éxito", "0 12 * * 3", "me", "-", "es", "win_rate" },
        { "cada domingo a las 20:00 envíame las ventas de esta semana", "las ventas de esta semana", "0 20 * * 0", "me", "-", "es", "bookings" },
        { "cada sábado a las 10 envíame el pipeline", "el pipeline", "0 10 * * 6", "me", "-", "es", "pipeline" },
        { "programa las ventas de este trimestre cada lunes a las 8", "las ventas de este trimestre", "0 8 * * 1", "me", "-", "es", "bookings" },
        { "por favor envíame las ventas por vendedor cada viernes a las 16:00", "las ventas por vendedor", "0 16 * * 5", "me", "-", "es", "bookings" },
        { "cada lunes a las 9 envíanos las ventas del trimestre", "las ventas del trimestre", "0 9 * * 1", "here", "-", "es", "bookings" },
        { "cada lunes a las 9 envíame el pipeline en EMEA", "el pipeline en EMEA", "0 9 * * 1", "me", "-", "es", "pipeline" },
        { "cada lunes a las 9 Europe/Madrid envíame el pipeline", "el pipeline", "0 9 * * 1", "me", "-", "es", "pipeline" },
        { "todos los lunes a las 9:15 publica aquí las ventas de la semana pasada", "las ventas de la semana pasada", "15 9 * * 1", "here", "-", "es", "bookings" },
        { "cada lunes a las 9h envíame el pipeline", "el pipeline", "0 9 * * 1", "me", "-", "es", "pipeline" },
        { "cada lunes a la 1 envíame el pipeline", "el pipeline", "0 1 * * 1", "me", "-", "es", "pipeline" },
        { "cada lunes a las 8 de la mañana envíame el pipeline", "el pipeline", "0 8 * * 1", "me", "-", "es", "pipeline" },
        { "cada lunes a las 9 de la noche envíame el pipeline", "el pipeline", "0 21 * * 1", "me", "-", "es", "pipeline" },
        { "los viernes a las 17h publica aquí la tasa de éxito de este mes", "la tasa de éxito de este mes", "0 17 * * 5", "here", "-", "es", "win_rate" },
        { "cada día laborable a las 9 envíame el pipeline", "el pipeline", "0 9 * * 1-5", "me", "-", "es", "pipeline" },
        { "cada lunes a las 9 envíame cómo vamos este trimestre", "cómo vamos este trimestre", "0 9 * * 1", "me", "-", "es", "-" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_schedule_sentence_reads_to_its_structure(string text, string question, string cron, string target, string options, string language, string metric)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf, user: "rep@example.com"));
        Assert.Equal(Intent.Schedule, parsed.Intent);
        var s = Assert.IsType<ScheduleSentence>(parsed.Schedule);
        Assert.Null(s.Problem);
        Assert.Equal(question, s.Question);
        Assert.Equal(cron, s.Cron);
        Assert.Equal(target, s.Target == ScheduleTarget.Me ? "me" : "here");
        Assert.Equal(options is "changed" or "both", s.OnlyIfChanged);
        Assert.Equal(options is "empty" or "both", s.SkipIfEmpty);
        Assert.Equal(language, parsed.Language);
        Assert.True(s.Inner.Intent is Intent.Metric or Intent.List or Intent.Scorecard, $"the question \"{s.Question}\" reads as {s.Inner.Intent}");
        Assert.Empty(s.Inner.Unplaced);
        if (metric == "list") Assert.Equal(Intent.List, s.Inner.Intent);
        else if (metric == "-") Assert.Equal(Intent.Scorecard, s.Inner.Intent);
        else Assert.Equal(metric, s.Inner.Metric);
    }

    /// <summary>Recurrences RevBot cannot keep are read as schedules and refused, naming the words.</summary>
    [Theory]
    [InlineData("every other Friday at 9 send me pipeline", "every other Friday")]
    [InlineData("every 2 weeks send me bookings", "every 2 weeks")]
    [InlineData("send me bookings quarterly at 9", "quarterly")]
    [InlineData("every hour send me pipeline", "every hour")]
    [InlineData("biweekly at 9 send me win rate", "biweekly")]
    [InlineData("fortnightly send me bookings at 9", "fortnightly")]
    [InlineData("every quarter send me bookings at 9", "every quarter")]
    [InlineData("on the 31st of each month send me bookings", "31")]
    [InlineData("every Monday at 25:00 send me pipeline", "at 25:00")]
    [InlineData("cada dos semanas envíame el pipeline", "cada dos semanas")]
    [InlineData("cada otro viernes a las 9 envíame las ventas", "cada otro viernes")]
    [InlineData("trimestralmente envíame las ventas a las 9", "trimestralmente")]
    [InlineData("cada hora envíame el pipeline", "cada hora")]
    [InlineData("quincenalmente a las 9 envíame las ventas", "quincenalmente")]
    public void An_unsupported_recurrence_is_refused_by_name(string text, string problem)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf));
        Assert.Equal(Intent.Schedule, parsed.Intent);
        Assert.Equal(problem, parsed.Schedule!.Problem);
    }

    /// <summary>A schedule of a question RevBot cannot fully read keeps the question's unplaced words, which the reply names.</summary>
    [Theory]
    [InlineData("every Monday at 9 send me pipeline by zodiac sign", "zodiac")]
    [InlineData("cada lunes a las 9 envíame el pipeline por signo del zodiaco", "zodiaco")]
    public void A_question_with_a_word_it_cannot_place_is_kept_with_that_word(string text, string word)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf));
        Assert.Equal(Intent.Schedule, parsed.Intent);
        Assert.Contains(parsed.Schedule!.Inner.Unplaced, u => u.Text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Recurrence words that describe the number, not when to send it, leave a question a question.</summary>
    [Theory]
    [InlineData("monthly recurring revenue")]
    [InlineData("bookings each month this year")]
    [InlineData("weekly bookings this quarter")]
    [InlineData("daily active users")]
    [InlineData("ingreso recurrente mensual")]
    [InlineData("win rate by month")]
    [InlineData("post the sales digest here every Monday at 9")]
    public void Recurrence_words_without_a_schedule_stay_a_question(string text)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf));
        Assert.NotEqual(Intent.Schedule, parsed.Intent);
    }
}

using System.Globalization;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Tests.Conversation;

namespace RevBot.Tests.Watches;

/// <summary>
/// Watch sentences, EN and ES, and the structure each must produce: what is watched (metric, filters, period rule), the
/// comparator and the threshold on the metric's own scale, who is told; deal events; and the refusals. One line per
/// sentence: "sentence => expected", the expected written as <see cref="Describe"/> writes a reading.
/// </summary>
public sealed class WatchSentenceTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static readonly string[] Rows =
    [
        // Threshold watches, English: the issue's own sentences first.
        "tell me when Q4 pipeline coverage drops below 3x => pipeline_coverage below 3 multiple me rolling",
        "alert #sales-leads if win rate this month falls under 25% => win_rate below 0.25 percent #sales-leads rolling",
        "tell me when win rate this quarter drops below 25% => win_rate below 0.25 percent me rolling",
        "notify me when bookings this quarter go above $1M => bookings above 1000000 currency me rolling",
        "notify me if bookings this quarter goes above 1M => bookings above 1000000 currency me rolling",
        "let me know when pipeline this quarter changes by more than 10% => pipeline changes_by 0.1 percent me rolling",
        "let me know if ARR drops below $2M => arr below 2000000 currency me default",
        "ping me when ARR goes above 5M => arr above 5000000 currency me default",
        "alert me if win rate falls below 20% => win_rate below 0.2 percent me default",
        "tell me if average deal size this year falls below $50k => avg_deal_size below 50000 currency me rolling",
        "tell me when bookings in Q4 2026 go above $2.5M => bookings above 2500000 currency me fixed",
        "tell me when bookings in 2026 exceed 10M => bookings above 10000000 currency me fixed",
        "alert me when NRR drops below 100% => nrr below 1 percent me default",
        "tell me when EMEA bookings this quarter exceed 500k => bookings above 500000 currency me rolling region=EMEA",
        "tell me when win rate in EMEA this quarter drops under 30% => win_rate below 0.3 percent me rolling region=EMEA",
        "tell me when Enterprise pipeline this quarter goes below $3M => pipeline below 3000000 currency me rolling segment=Enterprise",
        "notify me when deals won this month go above 20 => deals_won above 20 number me rolling",
        "notify me when the number of deals won this quarter is more than 50 => deals_won above 50 number me rolling",
        "alert here if win rate this quarter drops below 25% => win_rate below 0.25 percent here rolling",
        "alert this channel when bookings this month pass $750k => bookings above 750000 currency here rolling",
        "tell #revops when pipeline coverage this quarter is below 2.5x => pipeline_coverage below 2.5 multiple #revops rolling",
        "notify #sales when bookings last month go above 1,000,000 => bookings above 1000000 currency #sales rolling",
        "please tell me when win rate this quarter drops below 25% => win_rate below 0.25 percent me rolling",
        "tell me when pipeline coverage this quarter falls below 300% => pipeline_coverage below 3 percent me rolling",
        "tell me when the sales cycle this quarter goes above 90 days => avg_sales_cycle_days above 90 number me rolling",
        "tell me when our sales cycle this quarter is over 60 => avg_sales_cycle_days above 60 number me rolling",
        "tell me when win rate this quarter moves by more than 5% => win_rate changes_by 0.05 percent me rolling",
        "let me know when ARR changes by more than $100k => arr changes_by 100000 currency me default",
        "alert me when bookings this quarter hit $3M => bookings above 3000000 currency me rolling",
        "alert me when bookings this quarter reach 3M => bookings above 3000000 currency me rolling",
        "tell me as soon as pipeline this quarter dips below 4M => pipeline below 4000000 currency me rolling",
        "tell me when Darcel Schlecht's bookings this quarter exceed $200k => bookings above 200000 currency me rolling owner=darcel.schlecht@example.com",
        "message me when pipeline coverage next quarter drops below 2x => pipeline_coverage below 2 multiple me rolling",
        "warn me when win rate last quarter is below 20% => win_rate below 0.2 percent me rolling",
        "tell me whenever bookings this year go over $12M => bookings above 12000000 currency me rolling",
        "can you tell me when ARR goes above $10M? => arr above 10000000 currency me default",
        "tell me when bookings this quarter exceeds $1.5m => bookings above 1500000 currency me rolling",
        "tell me when bookings this quarter is greater than 2bn => bookings above 2000000000 currency me rolling",
        "alert me when win rate this quarter falls under 0.25x => win_rate below 0.25 multiple me rolling",
        "tell me when pipeline this quarter goes below 2,500,000 => pipeline below 2500000 currency me rolling",
        "tell me when APAC ARR drops below 1M => arr below 1000000 currency me default region=APAC",
        "tell me when win rate for SMB this quarter drops below 15% => win_rate below 0.15 percent me rolling segment=SMB",
        "remind me when bookings this quarter go above $4M => bookings above 4000000 currency me rolling",
        "tell me when pipeline coverage drops below 3x => pipeline_coverage below 3 multiple me default",
        "notify me once bookings this month exceed $900k => bookings above 900000 currency me rolling",
        "tell me when bookings this quarter goes above $1M. => bookings above 1000000 currency me rolling",
        "TELL ME WHEN WIN RATE THIS QUARTER DROPS BELOW 25% => win_rate below 0.25 percent me rolling",
        "tell me when bookings year to date go above $8M => bookings above 8000000 currency me rolling",
        "tell me when win rate last month goes above 40 percent => win_rate above 0.4 percent me rolling",
        "tell me when bookings in Q1 2027 go above 3M => bookings above 3000000 currency me fixed",

        // Threshold watches, Spanish.
        "avísame si el ARR de EMEA baja de 2M => arr below 2000000 currency me default region=EMEA",
        "avísame si la tasa de cierre de este trimestre baja de 25% => win_rate below 0.25 percent me rolling",
        "avísame cuando la tasa de cierre de este mes baje de 20% => win_rate below 0.2 percent me rolling",
        "avisame si las ventas cerradas de este trimestre superan 1M => bookings above 1000000 currency me rolling",
        "avísame si las ventas cerradas de este trimestre pasan de 1,5M => bookings above 1500000 currency me rolling",
        "avísame si el ARR baja de 1.000.000 => arr below 1000000 currency me default",
        "avísame si el ARR sube de 5 millones => arr above 5000000 currency me default",
        "notifícame si la cobertura de pipeline de este trimestre baja de 3x => pipeline_coverage below 3 multiple me rolling",
        "avisa a #ventas si la tasa de cierre de este mes cae por debajo de 25% => win_rate below 0.25 percent #ventas rolling",
        "avisa en #ventas cuando las ventas cerradas de este trimestre superen 2M => bookings above 2000000 currency #ventas rolling",
        "avisa aquí si la tasa de cierre de este trimestre baja de 30% => win_rate below 0.3 percent here rolling",
        "avisa en este canal si el pipeline de este trimestre baja de 4M => pipeline below 4000000 currency here rolling",
        "avísame si el pipeline de este trimestre cambia más de 10% => pipeline changes_by 0.1 percent me rolling",
        "avísame si el ARR cambia en más de 100k => arr changes_by 100000 currency me default",
        "avísame cuando el tamaño medio de los negocios de este año baje de 50k => avg_deal_size below 50000 currency me rolling",
        "avísame si la tasa de cierre en EMEA de este trimestre baja de 30% => win_rate below 0.3 percent me rolling region=EMEA",
        "avísame si las ventas cerradas de 2026 superan 10M => bookings above 10000000 currency me fixed",
        "alértame si el NRR baja de 100% => nrr below 1 percent me default",
        "dime cuando la tasa de cierre de este trimestre supere 40% => win_rate above 0.4 percent me rolling",
        "avísame en cuanto el pipeline de este trimestre baje de 3M => pipeline below 3000000 currency me rolling",
        "por favor avísame si el ARR baja de 2M => arr below 2000000 currency me default",
        "avísame si el ARR de APAC está por debajo de 1M => arr below 1000000 currency me default region=APAC",
        "avísame si las ventas cerradas del mes pasado están por encima de 800k => bookings above 800000 currency me rolling",
        "avísame si la tasa de cierre de este trimestre es menor que 20% => win_rate below 0.2 percent me rolling",
        "avísame si las ventas cerradas de este trimestre son mayores que 3M => bookings above 3000000 currency me rolling",
        "avísanos si la tasa de cierre de este trimestre cae de 25% => win_rate below 0.25 percent me rolling",
        "avísame si el ciclo de ventas de este trimestre supera 90 => avg_sales_cycle_days above 90 number me rolling",
        "avísame si los negocios ganados de este mes superan 20 => deals_won above 20 number me rolling",
        "avísame si la cobertura de pipeline baja de 250% => pipeline_coverage below 2.5 percent me default",
        "avísame si las ventas cerradas del T1 2027 superan 3M => bookings above 3000000 currency me fixed",

        // Deal events, English.
        "notify me when any deal over $100k moves to Negotiation => deal_stage Negotiation over=100000 mine=False me",
        "tell me when a deal of mine is pushed out of the quarter => deal_pushed over= mine=True me",
        "tell me when any deal moves to Proposal => deal_stage Proposal over= mine=False me",
        "tell me when one of my deals moves to negotiation => deal_stage Negotiation over= mine=True me",
        "alert #deal-desk when any deal over 250k enters Negotiation => deal_stage Negotiation over=250000 mine=False #deal-desk",
        "tell me when a deal over $50k reaches the Discovery stage => deal_stage Discovery over=50000 mine=False me",
        "tell me when my deals move to Proposal => deal_stage Proposal over= mine=True me",
        "tell me when any deal is pushed out of the quarter => deal_pushed over= mine=False me",
        "alert here if any deal over 1M slips out of the quarter => deal_pushed over=1000000 mine=False here",
        "tell me when any of my deals slips past the quarter => deal_pushed over= mine=True me",
        "notify me when a deal gets pushed out of this quarter => deal_pushed over= mine=False me",
        "tell me if any opportunity over $200k moves to Qualification => deal_stage Qualification over=200000 mine=False me",
        "tell me when a deal of mine over 75k moves to Negotiation => deal_stage Negotiation over=75000 mine=True me",

        // Deal events, Spanish.
        "avísame cuando algún negocio de más de 100k pase a Negotiation => deal_stage Negotiation over=100000 mine=False me",
        "avísame si algún negocio mío se sale del trimestre => deal_pushed over= mine=True me",
        "avísame si uno de mis negocios se retrasa fuera del trimestre => deal_pushed over= mine=True me",
        "avísame cuando un negocio pase a la etapa Proposal => deal_stage Proposal over= mine=False me",
        "avisa a #mesa-de-negocios cuando un negocio de más de 250k pase a Negotiation => deal_stage Negotiation over=250000 mine=False #mesa-de-negocios",
        "avísame si algún negocio de más de 1M se sale del trimestre => deal_pushed over=1000000 mine=False me",
        "avísame cuando algún negocio mío llegue a Discovery => deal_stage Discovery over= mine=True me",
        "avísame si cualquier negocio se aplaza al siguiente trimestre => deal_pushed over= mine=False me",

        // What cannot be watched as written: each names what to say instead.
        "tell me when pipeline this quarter changes => problem:WatchNoThreshold",
        "tell me when win rate this quarter drops below $1M => problem:WatchUnitMismatch",
        "tell me when bookings this quarter drop below 3x => problem:WatchUnitMismatch",
        "tell me when win rate this quarter drops below 25 => problem:WatchUnitMismatch",
        "tell me when bookings by region this quarter go above 1M => problem:WatchNotOneNumber",
        "tell me when any deal moves to Closing => problem:WatchUnknownStage",
        "avísame si la tasa de cierre baja => problem:WatchNoThreshold",
        "avísame si las ventas cerradas de este trimestre bajan de 30% => problem:WatchUnitMismatch",

        // A watch over a question that is not fully read is the question's own refusal, naming the word.
        "tell me when flurbs this quarter drop below 3x => refused:unknown flurbs",
        "tell me when bookings in Narnia this quarter drop below 1M => refused:unknown narnia",
        "avísame si los flurbs de este trimestre bajan de 2M => refused:unknown flurbs",
    ];

    public static TheoryData<string, string> Sentences() => Table(Rows);

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_watch_sentence_reads_as_its_structure(string sentence, string expected)
    {
        var parsed = QuestionParser.Parse(sentence, TestVocabulary.Context(AsOf, 1, "rep@example.com"));
        Assert.Equal(expected, Describe(parsed));
    }

    [Fact]
    public void The_table_has_over_a_hundred_sentences_in_both_languages()
    {
        var rows = Rows.Select(r => r[..r.LastIndexOf(" => ", StringComparison.Ordinal)]).ToList();
        Assert.True(rows.Count >= 100, $"{rows.Count} sentences");
        Assert.True(rows.Count(r => QuestionParser.Parse(r, TestVocabulary.Context(AsOf)).Language == "es") >= 30);
    }

    [Theory]
    [InlineData("what is our win rate this quarter?")]
    [InlineData("tell me about pipeline this quarter")]
    [InlineData("when did we close the most deals")]
    [InlineData("alert subscriptions")]
    [InlineData("¿cuál es el ARR de EMEA?")]
    public void A_question_that_is_no_watch_is_not_read_as_one(string text)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf));
        Assert.Null(parsed.Watch);
        Assert.NotEqual(Intent.Watch, parsed.Intent);
    }

    [Fact]
    public void A_slack_channel_mention_keeps_its_id()
    {
        var parsed = QuestionParser.Parse("alert <#C0123ABC|sales-leads> if win rate this month falls under 25%", TestVocabulary.Context(AsOf));
        Assert.Equal(("channel", "sales-leads", "C0123ABC"), (parsed.Watch!.Target.Kind, parsed.Watch.Target.ChannelName, parsed.Watch.Target.ChannelId));
    }

    [Fact]
    public void The_question_period_and_threshold_are_the_readers_own()
    {
        var parsed = QuestionParser.Parse("tell me when Q4 pipeline coverage drops below 3x", TestVocabulary.Context(AsOf));
        Assert.Equal((Intent.Watch, "pipeline_coverage", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)),
            (parsed.Intent, parsed.Metric, parsed.Period!.Start, parsed.Period.End));
        Assert.Equal("Q4 pipeline coverage", parsed.Watch!.Question);
    }

    internal static string Describe(ParsedQuestion p)
    {
        if (p.Watch is not { } w) return $"not a watch: {p.Intent}";
        if (p.Intent != Intent.Watch)
            return $"refused:{p.Intent.ToString().ToLowerInvariant()} {string.Join(' ', p.Unplaced.Select(u => u.Text.ToLowerInvariant()))}".Trim();
        if (w.Problem is { } problem) return $"problem:{problem}";
        var target = w.Target.Here ? "here" : w.Target.ChannelName is { } c ? "#" + c : "me";
        if (w.Kind != WatchKind.Threshold)
            return $"{Snake(w.Kind)} {(w.Stage is null ? "" : w.Stage + " ")}over={w.MinAmount?.ToString(CultureInfo.InvariantCulture)} mine={w.Mine} {target}".Replace("  ", " ", StringComparison.Ordinal);
        var filters = string.Concat((w.Filters ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key).Select(kv => $" {kv.Key}={kv.Value}"));
        return $"{w.Metric} {Snake(w.Comparator!.Value)} {w.Threshold!.Value.ToString("0.##########", CultureInfo.InvariantCulture)} {Snake(w.Unit!.Value)} {target} {Snake(w.PeriodRule!.Value)}{filters}";
    }

    private static string Snake<T>(T value) where T : struct, Enum => RevBot.Core.Domain.EnumText.Format(value);

    private static TheoryData<string, string> Table(params string[] rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var row in rows)
        {
            var at = row.LastIndexOf(" => ", StringComparison.Ordinal);
            data.Add(row[..at], row[(at + 4)..]);
        }
        return data;
    }
}

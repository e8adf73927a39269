using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Tests.Conversation;

/// <summary>
/// What an answer's sentence states: every filter by name, the period with its dates after the right preposition, and
/// each count in its real unit, in English and Spanish. Built from engine results directly, so each case is one sentence.
/// </summary>
public sealed class AnswerTextTests
{
    private static readonly Period Q4 = new(new DateOnly(2017, 10, 1), new DateOnly(2017, 12, 31), "Q4 2017", PeriodGrain.Quarter);
    private static readonly Period T4 = Q4 with { Label = "T4 2017" };
    private static readonly Dictionary<Dimension, string> Darcel = new() { [Dimension.Owner] = "darcel@example.com" };
    private static readonly Dictionary<Dimension, string> DarcelName = new() { [Dimension.Owner] = "Darcel Schlecht" };

    private static string Text(string language, string metric, Period period, MetricValue value, IReadOnlyDictionary<Dimension, string>? filters = null,
        IReadOnlyDictionary<Dimension, string>? names = null, MetricResult? comparison = null) =>
        MetricAnswerComposer.Compose(new ParsedQuestion { Language = language, Metric = metric },
            new MetricResult(new MetricQuery(metric, period, filters ?? MetricQuery.NoFilters), value, []), comparison, "USD", names: names).Text;

    [Fact]
    public void A_filtered_answer_names_the_rep_and_the_period_with_its_dates()
    {
        Assert.Equal("Win rate for Darcel Schlecht, Q4 2017 (Oct 1 – Dec 31, 2017) is 63.2% (12 won of 19 closed).",
            Text("en", "win_rate", Q4, new MetricValue(12m / 19m, 12, 19), Darcel, DarcelName));
        Assert.Equal("Tasa de cierre para Darcel Schlecht, en T4 2017 (del 1 oct al 31 dic 2017): 63,2\u00A0% (12 ganados de 19 cerrados).",
            Text("es", "win_rate", T4, new MetricValue(12m / 19m, 12, 19), Darcel, DarcelName));
    }

    [Fact]
    public void Every_filter_is_stated_in_both_languages()
    {
        var filters = new Dictionary<Dimension, string> { [Dimension.Region] = "EMEA", [Dimension.Segment] = "Enterprise", [Dimension.Product] = "GTX Basic" };
        var en = Text("en", "bookings", Q4, new MetricValue(1_500_000m, 12), filters);
        Assert.StartsWith("Bookings for EMEA region, Enterprise segment, product GTX Basic, Q4 2017 (Oct 1 – Dec 31, 2017) is $1.5M", en, StringComparison.Ordinal);
        var es = Text("es", "bookings", T4, new MetricValue(1_500_000m, 12), filters);
        Assert.StartsWith("Ventas cerradas para región EMEA, segmento Enterprise, producto GTX Basic, en T4 2017 (del 1 oct al 31 dic 2017): 1,5\u00A0M\u00A0$", es, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("renewal", "Win rate for renewals, Q4 2017", "Tasa de cierre para renovaciones, en T4 2017")]
    [InlineData("expansion", "Win rate for expansions, Q4 2017", "Tasa de cierre para ampliaciones, en T4 2017")]
    [InlineData("new", "Win rate for new business, Q4 2017", "Tasa de cierre para negocio nuevo, en T4 2017")]
    public void A_deal_type_reads_as_a_word_of_the_answers_language(string type, string en, string es)
    {
        var filters = new Dictionary<Dimension, string> { [Dimension.Type] = type };
        Assert.StartsWith(en, Text("en", "win_rate", Q4, new MetricValue(0.5m, 1, 2), filters), StringComparison.Ordinal);
        Assert.StartsWith(es, Text("es", "win_rate", T4, new MetricValue(0.5m, 1, 2), filters), StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_without_a_loaded_name_shows_its_value()
    {
        var text = Text("en", "win_rate", Q4, new MetricValue(0.5m, 1, 2), new Dictionary<Dimension, string> { [Dimension.Team] = "Falcons" });
        Assert.StartsWith("Win rate for Falcons team, Q4 2017", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_since_period_is_not_glued_after_for()
    {
        var since = new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 27), "since Oct 1, 2026", PeriodGrain.Custom, ToDate: true, PeriodLabelForm.Since);
        Assert.StartsWith("Win rate since Oct 1, 2026 (Oct 1 – Nov 27, 2026) is 50.0%", Text("en", "win_rate", since, new MetricValue(0.5m, 1, 2)), StringComparison.Ordinal);
        Assert.StartsWith("Win rate for Darcel Schlecht since Oct 1, 2026 (Oct 1 – Nov 27, 2026) is", Text("en", "win_rate", since, new MetricValue(0.5m, 1, 2), Darcel, DarcelName), StringComparison.Ordinal);
        var desde = since with { Label = "desde el 1 oct 2026" };
        Assert.StartsWith("Tasa de cierre desde el 1 oct 2026 (del 1 oct al 27 nov 2026): 50,0\u00A0%", Text("es", "win_rate", desde, new MetricValue(0.5m, 1, 2)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_date_range_reads_del_al_in_spanish()
    {
        var range = new Period(new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 3), "5 oct – 3 nov 2026", LabelForm: PeriodLabelForm.Range);
        Assert.StartsWith("Tasa de cierre del 5 oct al 3 nov 2026: ", Text("es", "win_rate", range, new MetricValue(0.5m, 1, 2)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_within_one_month_names_the_month_once_in_spanish()
    {
        var october = new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "octubre de 2026", PeriodGrain.Month);
        Assert.StartsWith("Tasa de cierre en octubre de 2026 (del 1 al 31 oct 2026): ", Text("es", "win_rate", october, new MetricValue(0.5m, 1, 2)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spanish_ranking_agrees_with_the_dimension()
    {
        var rows = new List<BreakdownRow> { new("LATAM", "LATAM", new MetricValue(0.3m, 3, 10)) };
        var text = ListAnswerComposer.Groups(new ParsedQuestion { Language = "es", Metric = "win_rate" },
            new MetricResult(new MetricQuery("win_rate", T4, MetricQuery.NoFilters, Dimension.Region), new MetricValue(0.3m, 3, 10), rows), 3, true, "USD").Text;
        Assert.StartsWith("Últimas 1 regiones por tasa de cierre en T4 2017", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_for_a_period_says_closing_in_not_as_of_a_range()
    {
        var value = new MetricValue(5_300_000m, 40);
        Assert.Equal("Pipeline closing in Q4 2017 (Oct 1 – Dec 31, 2017) is $5.3M (40 deals).", Text("en", "pipeline", Q4, value));
        Assert.Equal("Pipeline con cierre en T4 2017 (del 1 oct al 31 dic 2017): 5,3\u00A0M\u00A0$ (40 negocios).", Text("es", "pipeline", T4, value));
    }

    [Fact]
    public void Arr_counts_active_subscriptions_not_customers()
    {
        var day = Period.Day(new DateOnly(2026, 11, 27), "Nov 27, 2026");
        Assert.Equal("ARR is $61.1M as of Nov 27, 2026 (2,503 active subscriptions).", Text("en", "arr", day, new MetricValue(61_100_000m, 2503)));
        Assert.Equal("MRR: 5,1\u00A0M\u00A0$ a 27 nov 2026 (2.503 suscripciones activas).", Text("es", "mrr", day with { Label = "27 nov 2026" }, new MetricValue(5_100_000m, 2503)));
    }

    [Fact]
    public void An_average_shows_its_deal_count_not_its_numerator()
    {
        var text = Text("en", "avg_deal_size", Q4, new MetricValue(47_800m, 103_768_850m, 2_171m));
        Assert.EndsWith("is $47.8K (2,171 deals won).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("103", text, StringComparison.Ordinal);
        Assert.EndsWith("(media de 12 negocios ganados).", Text("es", "avg_sales_cycle_days", T4, new MetricValue(45m, 540m, 12m)), StringComparison.Ordinal);
    }

    [Fact]
    public void Ltv_to_cac_is_a_multiple()
    {
        Assert.Equal(MetricUnit.Multiple, MetricCatalog.Get("ltv_to_cac").Unit);
        var text = Text("en", "ltv_to_cac", Q4, new MetricValue(6.354m, 635_400m, 100_000m));
        Assert.Equal("LTV to CAC ratio for Q4 2017 (Oct 1 – Dec 31, 2017) is 6.4× (LTV $635K ÷ CAC $100K).", text);
        Assert.Contains("6,4×", Text("es", "ltv_to_cac", T4, new MetricValue(6.354m, 635_400m, 100_000m)), StringComparison.Ordinal);
    }

    [Fact]
    public void Ltv_and_velocity_say_what_they_divide_never_a_fraction_rounded_to_zero()
    {
        // LTV's denominator is the yearly logo churn (0.094): printed as a count it read "(61,617 / 0)".
        var ltv = Text("en", "ltv", Q4, new MetricValue(656_634m, 61_617m, 0.0938m));
        Assert.Equal("Customer lifetime value for Q4 2017 (Oct 1 – Dec 31, 2017) is $657K ($61.6K a year of gross margin per customer ÷ 9.4% of customers lost a year).", ltv);
        Assert.Contains("÷ 9,4\u00A0% de clientes perdidos al año", Text("es", "ltv", T4, new MetricValue(656_634m, 61_617m, 0.0938m)), StringComparison.Ordinal);
        var velocity = Text("en", "pipeline_velocity", Q4, new MetricValue(295_000m, 15_000_000m, 51m));
        Assert.EndsWith("($15M expected from the open deals ÷ a 51-day sales cycle).", velocity, StringComparison.Ordinal);
        Assert.Contains("un ciclo de venta de 51 días", Text("es", "pipeline_velocity", T4, new MetricValue(295_000m, 15_000_000m, 51m)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_with_a_day_reads_on_and_el()
    {
        var day = Period.Day(new DateOnly(2026, 11, 27), "Nov 27, 2026");
        var before = new MetricResult(new MetricQuery("arr", Period.Day(new DateOnly(2026, 9, 30), "Sep 30, 2026"), MetricQuery.NoFilters), new MetricValue(55_800_000m, 2400), []);
        Assert.EndsWith("up $5.3M from $55.8M on Sep 30, 2026.", Text("en", "arr", day, new MetricValue(61_100_000m, 2503), comparison: before), StringComparison.Ordinal);
        var antes = before with { Query = before.Query with { Period = Period.Day(new DateOnly(2026, 9, 30), "30 sept 2026") } };
        Assert.EndsWith("sube 5,3\u00A0M\u00A0$ frente a 55,8\u00A0M\u00A0$ el 30 sept 2026.", Text("es", "arr", day with { Label = "27 nov 2026" }, new MetricValue(61_100_000m, 2503), comparison: antes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_value_names_what_it_equals()
    {
        var y2009 = new Period(new DateOnly(2009, 1, 1), new DateOnly(2009, 12, 31), "2009", PeriodGrain.Year);
        var y2010 = new Period(new DateOnly(2010, 1, 1), new DateOnly(2010, 12, 31), "2010", PeriodGrain.Year);
        var before = new MetricResult(new MetricQuery("bookings", y2009, MetricQuery.NoFilters), new MetricValue(0m, 0), []);
        Assert.Equal("Bookings for 2010 (Jan 1 – Dec 31, 2010) is $0 (0 deals won), unchanged from $0 in 2009.",
            Text("en", "bookings", y2010, new MetricValue(0m, 0), comparison: before));
        Assert.Equal("Ventas cerradas en 2010 (del 1 ene al 31 dic 2010): 0\u00A0$ (0 negocios ganados), igual que en 2009.",
            Text("es", "bookings", y2010, new MetricValue(0m, 0), comparison: before));
    }

    [Fact]
    public void A_ranked_list_states_metric_filters_and_period()
    {
        var rows = new List<BreakdownRow> { new("a@x.com", "Dana", new MetricValue(2_000_000m, 5)), new("b@x.com", "Eli", new MetricValue(1_000_000m, 3)) };
        var filters = new Dictionary<Dimension, string> { [Dimension.Region] = "West" };
        string List(string language, Period period) => ListAnswerComposer.Groups(new ParsedQuestion { Language = language, Metric = "bookings" },
            new MetricResult(new MetricQuery("bookings", period, filters, Dimension.Owner), new MetricValue(3_000_000m, 8), rows), 5, false, "USD").Text;
        Assert.Equal("Top 2 reps by bookings for West region, Q4 2017 (Oct 1 – Dec 31, 2017): 1. Dana $2M; 2. Eli $1M.", List("en", Q4));
        Assert.Equal("Primeros 2 comerciales por ventas cerradas para región West, en T4 2017 (del 1 oct al 31 dic 2017): 1. Dana 2\u00A0M\u00A0$; 2. Eli 1\u00A0M\u00A0$.", List("es", T4));
    }

    [Fact]
    public void A_one_deal_list_reads_in_the_singular()
    {
        var items = new List<DealListItem> { new("d1", "Glover - Support", 500m, "Glover", "Dana", "Closed Won", null, null) };
        var query = new DealListQuery(DealListKind.Won, Q4, MetricQuery.NoFilters, 1, Ascending: true);
        Assert.Equal("The smallest won deal in Q4 2017 (Oct 1 – Dec 31, 2017): 1. Glover - Support $500.",
            ListAnswerComposer.Deals(new ParsedQuestion { Language = "en" }, query, items, "USD").Text);
        Assert.Equal("El negocio ganado más pequeño en T4 2017 (del 1 oct al 31 dic 2017): 1. Glover - Support 500\u00A0$.",
            ListAnswerComposer.Deals(new ParsedQuestion { Language = "es" }, query with { Period = T4 }, items, "USD").Text);
    }

    [Fact]
    public void A_deal_list_states_its_kind_filters_and_period()
    {
        var items = new List<DealListItem>();
        var query = new DealListQuery(DealListKind.Lost, Q4, new Dictionary<Dimension, string> { [Dimension.Region] = "EMEA" });
        Assert.Equal("No lost deals for EMEA region in Q4 2017 (Oct 1 – Dec 31, 2017).",
            ListAnswerComposer.Deals(new ParsedQuestion { Language = "en" }, query, items, "USD").Text);
        Assert.Equal("No hay negocios perdidos para región EMEA en T4 2017 (del 1 oct al 31 dic 2017).",
            ListAnswerComposer.Deals(new ParsedQuestion { Language = "es" }, query with { Period = T4 }, items, "USD").Text);
    }
}

using RevBot.Core.Answers;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Draws an answer's series when the question asked for a chart: a trend's periods, a breakdown's groups or a ranked
/// list's rows, as the digests' bar chart (<see cref="DigestChartRenderer"/>, one renderer for both). The text keeps
/// every number; the chart is extra, with alt text that reads the same numbers. An answer with no series (one number)
/// gets no chart: it says a chart needs one and offers the question "by month".
/// </summary>
public static class AnswerCharts
{
    /// <summary>Groups drawn at most (reps, regions, accounts); a trend draws all its points (at most 36).</summary>
    public const int MaxGroups = 12;

    /// <summary>Slack reads at most 1,000 characters of alt text; Teams is given the same.</summary>
    public const int MaxAltText = 1000;

    /// <param name="asked">True when the words asked for the chart: then an answer without a series says why there is none.</param>
    public static Answer Draw(Answer answer, ParsedQuestion question, string currency, bool asked)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(question);
        if (!answer.Understood) return answer;
        var f = new AnswerFormatter(answer.Language, currency);
        // Stalled deals and accounts at risk are cases with reasons, not a series: said, never silently left undrawn.
        if (question.ListSubject is ListSubject.StalledDeals or ListSubject.ChurnRisk or ListSubject.Expansion) return asked ? NotForFindings(answer, f) : answer;
        var unit = Unit(answer);
        var (points, total) = Series(answer);
        if (unit is null || points.Count == 0) return asked ? NeedsSeries(answer, f) : answer;

        var title = Title(answer, question, f);
        var file = FileName(answer, question);
        var chart = new DigestChart("answer", file, title, DigestChartKind.Bars, [.. points.Select(p => new DigestChartBar(p.Label, p.Value))]) { Unit = unit.Value };
        var image = DigestChartRenderer.Render(chart, answer.Language, currency);
        var alt = AltText(title, points, unit.Value, f);
        var context = answer.Reply.Context.ToList();
        if (total > points.Count)
            context.Add(T(f, nameof(Catalog.AnswerChartFirstOf), points.Count, total));
        return answer with
        {
            Chart = new AnswerChart(file, title, alt, points.Count, image.Width, image.Height),
            ChartImage = image,
            Reply = answer.Reply with
            {
                Images = [.. answer.Reply.Images, new ReplyImage(file, title, alt, image.Width, image.Height)],
                Context = context,
            },
        };
    }

    /// <summary>The values to draw, in the answer's order, and how many there were before the cap on groups.</summary>
    private static (IReadOnlyList<(string Label, decimal Value)> Points, int Total) Series(Answer answer)
    {
        List<(string, decimal)> all = answer.Intent == "metric" && answer.Breakdown is { Count: > 0 } breakdown
            ? [.. breakdown.Where(b => b.Value is not null).Select(b => (b.Label, b.Value!.Value))]
            : answer.Intent == "list" && answer.Items is { Count: > 0 } items
                ? [.. items.Where(i => i.Value is not null).Select(i => (i.Name, i.Value!.Value))]
                : [];
        var trend = answer.GroupBy == "period";
        // Groups past the ones the answer carries are cut only where every group has a value (sums): each is one more bar.
        var beyond = answer.Intent == "metric" && answer.Groups is { } groups && answer.Breakdown is { } carried ? Math.Max(0, groups - carried.Count) : 0;
        return (trend ? all : [.. all.Take(MaxGroups)], all.Count + beyond);
    }

    /// <summary>The metric's unit; a deal list is amounts; anything else (findings, help) has nothing to draw.</summary>
    private static MetricUnit? Unit(Answer answer) =>
        answer.Metric is { } m && MetricCatalog.TryGet(m, out var def) ? def.Unit
        : answer.Intent == "list" && answer.Unit == "currency" ? MetricUnit.Currency
        : null;

    /// <summary>"Bookings by month, Dec 2025 – Nov 2026", "Win rate por comercial, T4 2026"; a list keeps its own title.</summary>
    private static string Title(Answer answer, ParsedQuestion question, AnswerFormatter f)
    {
        if (answer.Intent == "list" || answer.Metric is not { } metric) return answer.Reply.Title.Replace(" · ", ", ", StringComparison.Ordinal);
        var def = MetricCatalog.Get(metric);
        var name = MetricAnswerComposer.Capitalize(def.Name(f.Language), f.Culture);
        var by = answer.GroupBy == "period"
            ? T(f, GrainKey(question.TrendGrain ?? question.Period?.Grain ?? PeriodGrain.Month))
            : question.GroupBy is { } g ? DimensionText.Name(g, f.Language) : null;
        var when = answer.Period is { } p ? ", " + p.Label : "";
        return by is null ? name + when : T(f, nameof(Catalog.AnswerChartTitleBy), name, by) + when;
    }

    /// <summary>How a trend's grain reads after "by": "month", "trimestre". A custom grain reads as months.</summary>
    private static string GrainKey(PeriodGrain grain) => grain switch
    {
        PeriodGrain.Day => nameof(Catalog.AnswerChartByDay),
        PeriodGrain.Week => nameof(Catalog.AnswerChartByWeek),
        PeriodGrain.Quarter => nameof(Catalog.AnswerChartByQuarter),
        PeriodGrain.Half => nameof(Catalog.AnswerChartByHalf),
        PeriodGrain.Year => nameof(Catalog.AnswerChartByYear),
        _ => nameof(Catalog.AnswerChartByMonth),
    };

    private static string T(AnswerFormatter f, string key, params object?[] args) => Texts.Get(f.Language, key, args);

    /// <summary>"win-rate-by-quarter.png", "bookings-by-owner.png", "deals.png": stable per question shape, safe as a file name.</summary>
    private static string FileName(Answer answer, ParsedQuestion question)
    {
        var what = (answer.Metric ?? "deals").Replace('_', '-');
        var by = answer.GroupBy == "period" ? FileGrain(question.TrendGrain ?? PeriodGrain.Month) : answer.GroupBy;
        return by is null ? $"{what}.png" : $"{what}-by-{by}.png";
    }

    /// <summary>The grain in a file name: fixed words, not the catalog's, so a file keeps its name in every language.</summary>
    private static string FileGrain(PeriodGrain grain) => grain is PeriodGrain.Custom ? "month" : grain.ToString().ToLowerInvariant();

    /// <summary>The chart read aloud: its title and every bar with its value as the text writes it.</summary>
    private static string AltText(string title, IReadOnlyList<(string Label, decimal Value)> points, MetricUnit unit, AnswerFormatter f)
    {
        var text = T(f, nameof(Catalog.AnswerChartAltText), title, string.Join("; ", points.Select(p => $"{p.Label} {f.Value(p.Value, unit)}")));
        return text.Length <= MaxAltText ? text : text[..(MaxAltText - 1)] + "…";
    }

    /// <summary>A finding list keeps its text and table, with a sentence saying it has no chart and the question that draws one.</summary>
    private static Answer NotForFindings(Answer answer, AnswerFormatter f)
    {
        var example = T(f, nameof(Catalog.AnswerChartPipelineExample));
        var note = T(f, nameof(Catalog.AnswerChartNotForFindings), example);
        return answer with
        {
            Text = answer.Text + " " + note,
            Reply = answer.Reply.WithNote(note) with { Actions = [.. answer.Reply.Actions, new ReplyAction("ask", T(f, nameof(Catalog.AnswerChartPipelineLabel)), example)] },
        };
    }

    /// <summary>One number is no chart: the answer stays, with a sentence saying so and the question that draws one.</summary>
    private static Answer NeedsSeries(Answer answer, AnswerFormatter f)
    {
        var def = answer.Metric is { } m && MetricCatalog.TryGet(m, out var d) ? d : null;
        var example = def is null ? null : T(f, nameof(Catalog.AnswerChartByMonthExample), def.Name(f.Language));
        var note = example is null ? T(f, nameof(Catalog.AnswerChartNeedsSeries)) : T(f, nameof(Catalog.AnswerChartNeedsSeriesExample), example);
        var actions = example is null ? answer.Reply.Actions
            : [new ReplyAction("ask", T(f, nameof(Catalog.AnswerChartByMonthLabel)), example), .. answer.Reply.Actions];
        return answer with
        {
            Text = answer.Text + " " + note,
            Reply = answer.Reply.WithNote(note) with { Actions = actions },
        };
    }
}

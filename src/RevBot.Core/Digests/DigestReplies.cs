using RevBot.Core.Answers;
using RevBot.Core.Replies;

namespace RevBot.Core.Digests;

/// <summary>
/// A digest as the platform-neutral <see cref="Reply"/> the Slack and Teams adapters render: headline numbers as facts,
/// each with its "Ask about this" button; sections as titled lists whose numbered lines carry one too; the charts as
/// images by file name; notes and the exact periods as small print.
/// </summary>
public static class DigestReplies
{
    public const string AskAction = "ask";

    public static Reply Render(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var f = new AnswerFormatter(digest.Language, digest.Currency);
        var es = f.Spanish;
        var scope = digest.Filters.Count == 0 ? "" : " · " + string.Join(", ", digest.Filters.OrderBy(x => x.Key).Select(x => x.Value));
        var facts = digest.Metrics.Select(m => new ReplyFact(DigestText.Label(m, es), DigestText.Value(m, f), Ask(m.Question, es))).ToList();
        var sections = digest.Sections.Select(s => new ReplySection(s.Title,
            [.. s.Items.Select(i => new ReplySectionItem(i.Text, i.Question is { } q && i.Value is not null ? Ask(q, es) : null))], s.EmptyText)).ToList();
        var images = digest.Charts.Select(c => new ReplyImage(c.FileName, c.Title, c.Title, DigestChartRenderer.Width, DigestChartRenderer.Height)).ToList();
        var context = new List<string>
        {
            es ? $"Semana pasada: {f.DateRange(digest.Week)}. Trimestre hasta hoy: {f.DateRange(digest.QuarterToDate)}."
               : $"Last week: {f.DateRange(digest.Week)}. Quarter to date: {f.DateRange(digest.QuarterToDate)}.",
        };
        context.AddRange(digest.Notes);
        return new Reply
        {
            Kind = ReplyKind.Digest,
            Title = es
                ? $"Resumen de {DigestKinds.Title(digest.Kind, true).ToLowerInvariant()} · semana del {f.DateRange(digest.Week)}{scope}"
                : $"{DigestKinds.Title(digest.Kind, false)} digest · week of {f.DateRange(digest.Week)}{scope}",
            Text = Summary(digest, f),
            Facts = facts,
            Sections = sections,
            Images = images,
            Context = context,
        };
    }

    /// <summary>The first two headline numbers in a sentence: the notification text.</summary>
    private static string Summary(Digest digest, AnswerFormatter f)
    {
        var parts = digest.Metrics.Take(2).Select(m => $"{DigestText.Label(m, f.Spanish)}: {DigestText.Value(m, f)}").ToList();
        if (parts.Count == 0) return f.Spanish ? "Sin cifras para este resumen." : "No numbers for this digest.";
        return string.Join("; ", parts) + ".";
    }

    private static ReplyAction Ask(string question, bool spanish) =>
        new(AskAction, spanish ? "Preguntar por esto" : "Ask about this", question);
}

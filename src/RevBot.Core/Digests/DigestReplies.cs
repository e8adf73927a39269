using RevBot.Core.Answers;
using RevBot.Core.Localization;
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
        var language = f.Language;
        var scope = digest.Filters.Count == 0 ? "" : " · " + string.Join(", ", digest.Filters.OrderBy(x => x.Key).Select(x => x.Value));
        var facts = digest.Metrics.Select(m => new ReplyFact(DigestText.Label(m, language), DigestText.Value(m, f), Ask(m.Question, language))).ToList();
        var sections = digest.Sections.Select(s => new ReplySection(s.Title,
            [.. s.Items.Select(i => new ReplySectionItem(i.Text, i.Question is { } q && i.Value is not null ? Ask(q, language) : null))], s.EmptyText)
        { Id = s.Id }).ToList();
        var images = digest.Charts.Select(c => new ReplyImage(c.FileName, c.Title, c.Title, DigestChartRenderer.Width, DigestChartRenderer.Height)).ToList();
        var context = new List<string>
        {
            Texts.Get(language, nameof(Catalog.DigestPeriodsNote), f.DateRange(digest.Week), f.DateRange(digest.QuarterToDate)),
        };
        context.AddRange(digest.Notes);
        return new Reply
        {
            Kind = ReplyKind.Digest,
            Title = Texts.Get(language, nameof(Catalog.DigestTitle), DigestKinds.InText(digest.Kind, language), f.DateRange(digest.Week), scope),
            Text = Summary(digest, f),
            Facts = facts,
            Sections = sections,
            Images = images,
            Context = context,
            Language = language,
        };
    }

    /// <summary>The first two headline numbers in a sentence: the notification text.</summary>
    private static string Summary(Digest digest, AnswerFormatter f)
    {
        var parts = digest.Metrics.Take(2).Select(m => $"{DigestText.Label(m, f.Language)}: {DigestText.Value(m, f)}").ToList();
        if (parts.Count == 0) return Texts.Get(f.Language, nameof(Catalog.DigestNoNumbers));
        return string.Join("; ", parts) + ".";
    }

    private static ReplyAction Ask(string question, string language) =>
        new(AskAction, Texts.Get(language, nameof(Catalog.DigestAskAboutThis)), question);
}

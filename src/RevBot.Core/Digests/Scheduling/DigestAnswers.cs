using RevBot.Core.Answers;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>The replies of digest commands, in the language of the command (texts in the catalog).</summary>
internal static class DigestAnswers
{
    public static Answer Scheduled(DigestSubscription row, TimeZoneInfo zone, DateTimeOffset? next)
    {
        var language = row.Language;
        DigestKinds.TryParse(row.Kind, out var kind);
        var when = DigestScheduleText.When(row.Cron, zone.Id, language);
        var nextText = next is { } n ? DigestScheduleText.Local(n, zone, language) : Texts.Get(language, nameof(Catalog.DigestNever));
        var text = Texts.Get(language, nameof(Catalog.DigestScheduledText), DigestKinds.InText(kind, language), when, Extras(row, language), nextText);
        return Make("digest_scheduled", language, Texts.Get(language, nameof(Catalog.DigestScheduledTitle)), text, ReplyKind.Answer);
    }

    public static Answer List(IReadOnlyList<DigestSubscription> rows, bool here, string language, DateTimeOffset now)
    {
        var items = rows.Select(r =>
        {
            DigestKinds.TryParse(r.Kind, out var kind);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone);
            var next = DigestCron.Next(r.Cron, zone, now);
            var where = here ? "" : $" · {EnumText.Format(r.Platform)}:{r.ChannelId}";
            var nextText = next is { } n ? " · " + Texts.Get(language, nameof(Catalog.DigestListNext), DigestScheduleText.Local(n, zone, language)) : "";
            return new ReplySectionItem($"{DigestKinds.Title(kind, language)} · {DigestScheduleText.When(r.Cron, r.TimeZone, language)}{Extras(r, language)}{where}{nextText}");
        }).ToList();
        var none = Texts.Get(language, here ? nameof(Catalog.DigestListNoneHere) : nameof(Catalog.DigestListNone));
        var title = Texts.Get(language, nameof(Catalog.DigestListTitle));
        var text = items.Count == 0 ? none
            : Texts.Get(language, items.Count == 1 ? nameof(Catalog.DigestListCountOne) : nameof(Catalog.DigestListCountOther), items.Count);
        var answer = Make("digest_list", language, title, text, ReplyKind.List);
        return answer with { Reply = answer.Reply with { Sections = [new ReplySection(title, items, none)] } };
    }

    public static Answer Stopped(DigestKind kind, string language) => Make("digest_stopped", language, Texts.Get(language, nameof(Catalog.DigestStoppedTitle)),
        Texts.Get(language, nameof(Catalog.DigestStoppedText), DigestKinds.InText(kind, language)), ReplyKind.Answer);

    public static Answer NotScheduled(DigestKind kind, string language) =>
        Refused(language, Texts.Get(language, nameof(Catalog.DigestNotScheduled), DigestKinds.InText(kind, language)));

    public static Answer Refused(string language, string text) =>
        Make("digest", language, Texts.Get(language, nameof(Catalog.DigestRefusedTitle)), text, ReplyKind.NotUnderstood) with { Understood = false };

    /// <summary>", region EMEA, team Enterprise, skipped when the week is empty": the subscription's filters, or "".</summary>
    internal static string Extras(DigestSubscription row, string language)
    {
        var parts = new List<string>();
        if (row.Region is { } region) parts.Add(Texts.Get(language, nameof(Catalog.DigestExtraRegion), region));
        if (row.Segment is { } segment) parts.Add(Texts.Get(language, nameof(Catalog.DigestExtraSegment), segment));
        if (row.Team is { } team) parts.Add(Texts.Get(language, nameof(Catalog.DigestExtraTeam), team));
        if (row.SkipIfEmpty) parts.Add(Texts.Get(language, nameof(Catalog.DigestExtraSkipIfEmpty)));
        return parts.Count == 0 ? "" : $", {string.Join(", ", parts)}";
    }

    private static Answer Make(string intent, string language, string title, string text, ReplyKind kind) => new()
    {
        Understood = true,
        Intent = intent,
        Language = language,
        Text = text,
        Reply = new Reply { Kind = kind, Title = title, Text = text },
    };
}

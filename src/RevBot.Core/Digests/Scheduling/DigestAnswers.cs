using RevBot.Core.Answers;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Domain;
using RevBot.Core.Replies;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>The replies of digest commands, in English and Spanish.</summary>
internal static class DigestAnswers
{
    public static Answer Scheduled(DigestSubscription row, TimeZoneInfo zone, DateTimeOffset? next)
    {
        var es = row.Language == "es";
        DigestKinds.TryParse(row.Kind, out var kind);
        var title = DigestKinds.Title(kind, es);
        var when = DigestScheduleText.When(row.Cron, zone.Id, es);
        var nextText = next is { } n ? DigestScheduleText.Local(n, zone, es) : (es ? "nunca" : "never");
        var extras = Extras(row, es);
        var text = es
            ? $"Hecho: el resumen de {title.ToLowerInvariant()} se publicará aquí {when}{extras}. Próxima publicación: {nextText}."
            : $"Done: the {title} digest will be posted here {when}{extras}. Next post: {nextText}.";
        return Make("digest_scheduled", row.Language, es ? "Resumen programado" : "Digest scheduled", text, ReplyKind.Answer);
    }

    public static Answer List(IReadOnlyList<DigestSubscription> rows, bool here, bool es, DateTimeOffset now)
    {
        var items = rows.Select(r =>
        {
            DigestKinds.TryParse(r.Kind, out var kind);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone);
            var next = DigestCron.Next(r.Cron, zone, now);
            var where = here ? "" : $" · {EnumText.Format(r.Platform)}:{r.ChannelId}";
            var nextText = next is { } n ? (es ? " · próxima: " : " · next: ") + DigestScheduleText.Local(n, zone, es) : "";
            return new ReplySectionItem($"{DigestKinds.Title(kind, es)} · {DigestScheduleText.When(r.Cron, r.TimeZone, es)}{Extras(r, es)}{where}{nextText}");
        }).ToList();
        var none = here
            ? es ? "No hay resúmenes programados en este canal. Prueba: «resumen de ventas los lunes a las 9:00»." : "No digests are scheduled in this channel. Try: \"digest weekly sales every monday 9:00\"."
            : es ? "No hay resúmenes programados." : "No digests are scheduled.";
        var title = es ? "Resúmenes programados" : "Scheduled digests";
        var text = items.Count == 0 ? none : es ? $"{items.Count} resumen(es) programado(s)." : $"{items.Count} digest(s) scheduled.";
        var answer = Make("digest_list", es ? "es" : "en", title, text, ReplyKind.List);
        return answer with { Reply = answer.Reply with { Sections = [new ReplySection(title, items, none)] } };
    }

    public static Answer Stopped(DigestKind kind, bool es) => Make("digest_stopped", es ? "es" : "en", es ? "Resumen detenido" : "Digest stopped",
        es ? $"El resumen de {DigestKinds.Title(kind, true).ToLowerInvariant()} ya no se publicará en este canal." : $"The {DigestKinds.Title(kind, false)} digest will no longer be posted in this channel.",
        ReplyKind.Answer);

    public static Answer NotScheduled(DigestKind kind, bool es) => Refused(es ? "es" : "en",
        es ? $"No hay ningún resumen de {DigestKinds.Title(kind, true).ToLowerInvariant()} programado en este canal." : $"There is no {DigestKinds.Title(kind, false)} digest scheduled in this channel.");

    public static Answer Refused(string language, string text) =>
        Make("digest", language, language == "es" ? "Resúmenes" : "Digests", text, ReplyKind.NotUnderstood) with { Understood = false };

    internal static string Extras(DigestSubscription row, bool es)
    {
        var parts = new List<string>();
        if (row.Region is { } region) parts.Add((es ? "región " : "region ") + region);
        if (row.Segment is { } segment) parts.Add((es ? "segmento " : "segment ") + segment);
        if (row.Team is { } team) parts.Add((es ? "equipo " : "team ") + team);
        var text = parts.Count == 0 ? "" : $", {string.Join(", ", parts)}";
        if (row.SkipIfEmpty) text += es ? ", salvo las semanas sin actividad" : ", skipped when the week is empty";
        return text;
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

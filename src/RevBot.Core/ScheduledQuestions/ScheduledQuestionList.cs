using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Digests;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>
/// "my schedules", "what am I subscribed to", "mis programaciones": the digests of this channel or made by the asker,
/// and the asker's or this channel's scheduled questions, each with its next run. "stop sending pipeline by stage",
/// "deja de enviarme el pipeline": stops the one scheduled question whose words hold all the words named ("all" stops
/// every one of the asker's); several matches are named back, not guessed. Scoped.
/// </summary>
public sealed class ScheduledQuestionList(RevBotDb db, TimeProvider time)
{
    private const int Listed = 50;

    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        if (ScheduledQuestionListReader.IsList(request.Question, out var language)) return await ListAsync(request, language, ct);
        if (ScheduledQuestionListReader.ReadStop(request.Question, out var what, out language)) return await StopAsync(request, what, language, ct);
        return null;
    }

    private async Task<Answer> ListAsync(AskRequest request, string language, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var kinds = DigestKinds.All.Select(DigestKinds.Name).ToList();
        var (platform, channel, email) = (request.Channel?.Platform, request.Channel?.ChannelId, request.UserEmail);
        var digests = await db.DigestSchedules.AsNoTracking()
            .Where(s => s.Active && kinds.Contains(s.Kind) && ((s.Platform == platform && s.ChannelId == channel) || (email != null && s.CreatedBy == email)))
            .OrderBy(s => s.Kind).ThenBy(s => s.Id).Take(Listed).ToListAsync(ct);
        var questions = await Mine(request).OrderBy(x => x.Q.Id).Take(Listed).ToListAsync(ct);
        var digestItems = digests.Select(d =>
        {
            DigestKinds.TryParse(d.Kind, out var kind);
            return new ReplySectionItem($"{DigestKinds.Title(kind, language)} · {DigestScheduleText.When(d.Cron, d.TimeZone, language)}{Next(d, now, language)}");
        }).ToList();
        var questionItems = questions.Select(x => new ReplySectionItem(
            $"\"{x.Q.Question}\" · {ScheduledQuestionText.When(x.S.Cron, x.S.TimeZone, language)} · {ScheduledQuestionText.Where(x.Q.RecipientUserId is not null, x.Q.OnlyIfChanged, x.S.SkipIfEmpty, language)}{Next(x.S, now, language)}")).ToList();
        var text = digestItems.Count + questionItems.Count == 0 ? Texts.Get(language, nameof(Catalog.SchedQListNone))
            : Texts.Get(language, nameof(Catalog.SchedQListCount), digestItems.Count, questionItems.Count);
        var answer = ScheduledQuestionAnswers.Make(language, Texts.Get(language, nameof(Catalog.SchedQListTitle)), text, ReplyKind.List) with { Intent = "schedule_list" };
        return answer with
        {
            Reply = answer.Reply with
            {
                Sections =
                [
                    new ReplySection(Texts.Get(language, nameof(Catalog.SchedQListDigests)), digestItems, Texts.Get(language, nameof(Catalog.SchedQListNoDigests))),
                    new ReplySection(Texts.Get(language, nameof(Catalog.SchedQListQuestions)), questionItems, Texts.Get(language, nameof(Catalog.SchedQListNoQuestions))),
                ],
            },
        };
    }

    private async Task<Answer> StopAsync(AskRequest request, string what, string language, CancellationToken ct)
    {
        var all = ScheduledQuestionListReader.MeansAll(what);
        var wanted = ScheduledQuestionListReader.Words(what);
        var candidates = await Mine(request).Take(500).ToListAsync(ct);
        var matches = all ? candidates : [.. candidates.Where(x => wanted.IsSubsetOf(ScheduledQuestionListReader.Words(x.Q.Question)))];
        if (matches.Count == 0 || wanted.Count == 0 && !all)
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.SchedQStopNone), what));
        if (matches.Count > 1 && !all)
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.SchedQStopWhich), what, string.Join("; ", matches.Select(m => $"\"{m.Q.Question}\""))));
        var ids = matches.Select(m => m.S.Id).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var reason = $"stopped by {request.UserEmail ?? request.PlatformUserId ?? "a chat user"}";
        await db.DigestSchedules.Where(s => ids.Contains(s.Id) && s.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false).SetProperty(s => s.DisabledReason, reason).SetProperty(s => s.UpdatedAt, now), ct);
        var text = matches.Count == 1 && !all
            ? Texts.Get(language, nameof(Catalog.SchedQStoppedText), matches[0].Q.Question)
            : Texts.Get(language, nameof(Catalog.SchedQStoppedAll), matches.Count);
        return ScheduledQuestionAnswers.Make(language, Texts.Get(language, nameof(Catalog.SchedQStoppedTitle)), text, ReplyKind.Answer) with { Intent = "schedule_stopped" };
    }

    /// <summary>The active scheduled questions the asker made, or that post in this channel.</summary>
    private IQueryable<ScheduledQuestionRow> Mine(AskRequest request)
    {
        var (platform, channel, email) = (request.Channel?.Platform, request.Channel?.ChannelId, request.UserEmail);
        return db.ScheduledQuestions.AsNoTracking()
            .Join(db.DigestSchedules.AsNoTracking().Where(s => s.Active), q => q.ScheduleId, s => s.Id, (q, s) => new ScheduledQuestionRow { Q = q, S = s })
            .Where(x => (email != null && x.Q.AskedBy == email) || (channel != null && x.Q.Platform == platform && x.Q.ChannelId == channel));
    }

    private static string Next(DigestSubscription s, DateTimeOffset now, string language)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone);
        return DigestCron.Next(s.Cron, zone, now) is { } n ? " · " + Texts.Get(language, nameof(Catalog.DigestListNext), DigestScheduleText.Local(n, zone, language)) : "";
    }
}

/// <summary>A scheduled question with its schedule row (an initializer, so EF can still filter on it).</summary>
public sealed class ScheduledQuestionRow
{
    public required ScheduledQuestion Q { get; init; }
    public required DigestSubscription S { get; init; }
}

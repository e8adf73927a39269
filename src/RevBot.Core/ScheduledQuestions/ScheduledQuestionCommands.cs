using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>
/// The chat commands of scheduled questions: a schedule sentence stores one (the question must read fully today),
/// "my schedules" lists them with the digests, "stop sending …" stops one (<see cref="ScheduledQuestionList"/>).
/// Where no schedule can live (the CLI, the API: no channel) the reading is shown and nothing is stored. Scoped.
/// </summary>
public sealed class ScheduledQuestionCommands(
    RevBotDb db, VocabularyCache vocabulary, ScheduledQuestionList list, CompanyClock clock, IOptions<CompanyOptions> company, TimeProvider time) : IChatCommand
{
    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await list.TryAnswerAsync(request, ct) is { } listed) return listed;
        if (!ScheduledQuestionCue.Has(request.Question)) return null;
        var words = await vocabulary.GetAsync(db, request.Question, ct);
        var parsed = QuestionParser.Parse(request.Question, new ParseContext(request.AsOf ?? clock.Today, company.Value.FiscalYearStartMonth, request.UserEmail, words));
        if (parsed is not { Intent: Intent.Schedule, Schedule: { } sentence }) return null;
        var language = parsed.Language;
        if (Refusal(sentence, language, words, request.UserEmail) is { } refused) return refused;

        TimeZoneInfo? named = null;
        if (sentence.TimeZone is { } id && (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out named) || !named.HasIanaId && id != "UTC"))
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.DigestUnknownZone), id));
        // "here" in a direct message is the person: a DM has no channel of its own to post in.
        var direct = sentence.Target == ScheduleTarget.Me || (request.Channel is null && request.Platform is not null);
        var user = request.UserEmail is { } email ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct) : null;
        var zone = named ?? (direct && user?.TimeZone is { } own && TimeZoneInfo.TryFindSystemTimeZoneById(own, out var found) ? found : clock.Zone);
        var next = DigestCron.Next(sentence.Cron, zone, time.GetUtcNow());
        if ((request.Channel?.Platform ?? request.Platform) is not { } platform)
            return ScheduledQuestionAnswers.Read(sentence, language, zone.Id, next, stored: false);
        if (direct && user is null)
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.SchedQWhoAreYou)));

        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var schedule = new DigestSubscription
        {
            Platform = platform, ChannelId = $"question:{Guid.NewGuid():N}", Kind = ScheduledQuestionRunner.ScheduleKind, Cron = sentence.Cron,
            TimeZone = zone.Id, Language = language, SkipIfEmpty = sentence.SkipIfEmpty, Team = null,
            CreatedBy = request.UserEmail ?? request.PlatformUserId, CreatedAt = now, UpdatedAt = now,
        };
        db.DigestSchedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        db.ScheduledQuestions.Add(new ScheduledQuestion
        {
            ScheduleId = schedule.Id, Question = sentence.Question, AskedBy = request.UserEmail, Platform = platform,
            ChannelId = direct ? "" : request.Channel!.ChannelId, RecipientUserId = direct ? user!.Id : null, OnlyIfChanged = sentence.OnlyIfChanged,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ScheduledQuestionAnswers.Read(sentence with { Target = direct ? ScheduleTarget.Me : ScheduleTarget.Here }, language, zone.Id, next, stored: true);
    }

    /// <summary>Why the sentence cannot be scheduled as written, or null: recurrence words it cannot honour, no question, or a question that does not read fully.</summary>
    private static Answer? Refusal(ScheduleSentence sentence, string language, QuestionVocabulary words, string? email)
    {
        if (sentence.Problem is { } problem)
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.SchedQUnsupported), problem));
        var inner = sentence.Inner;
        if (sentence.Question.Length == 0 || inner.Intent == Intent.Help)
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.SchedQNoQuestion)));
        if (sentence.Question.Length > 500)
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.SchedQTooLong)));
        if (inner.Intent is not (Intent.Metric or Intent.List or Intent.Scorecard or Intent.DataHealth) || inner.IsFollowUp)
        {
            var why = inner.Unplaced.Count > 0 && inner.Intent == Intent.Unknown ? GuidanceComposer.Refuse(inner, words).Text
                : inner.Unplaced.Count > 0 ? GuidanceComposer.Clarify(inner, words).Text
                : GuidanceComposer.NotUnderstood(inner).Text;
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.SchedQUnreadable), sentence.Question, why));
        }
        if (email is null && inner.Filters.TryGetValue(Dimension.Owner, out var owner) && owner == ParsedQuestionKeys.Me)
            return ScheduledQuestionAnswers.Refused(language, Texts.Get(language, nameof(Catalog.AskWhoAreYou)));
        return null;
    }
}

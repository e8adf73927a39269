using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>The replies of scheduled-question commands, in the language of the sentence (texts in the catalog).</summary>
internal static class ScheduledQuestionAnswers
{
    /// <summary>What will be sent, where and when, and the next run; <paramref name="stored"/> false: read only (no channel to keep it for).</summary>
    public static Answer Read(ScheduleSentence s, string language, string zone, DateTimeOffset? next, bool stored)
    {
        var direct = s.Target == ScheduleTarget.Me;
        var when = ScheduledQuestionText.When(s.Cron, zone, language);
        var where = ScheduledQuestionText.Where(direct, s.OnlyIfChanged, s.SkipIfEmpty, language);
        var nextText = next is { } n ? DigestScheduleText.Local(n, TimeZoneInfo.FindSystemTimeZoneById(zone), language) : Texts.Get(language, nameof(Catalog.DigestNever));
        var text = Texts.Get(language, stored ? nameof(Catalog.SchedQScheduledText) : nameof(Catalog.SchedQReadText), s.Question, when, where, nextText);
        var title = Texts.Get(language, stored ? nameof(Catalog.SchedQScheduledTitle) : nameof(Catalog.SchedQReadTitle));
        return Make(language, title, text, ReplyKind.Answer) with
        {
            Metric = s.Inner.Metric,
            Schedule = new AnswerSchedule
            {
                Question = s.Question, Cron = s.Cron, TimeZone = zone, Target = direct ? "me" : "here", OnlyIfChanged = s.OnlyIfChanged,
                SkipIfEmpty = s.SkipIfEmpty, Next = next, Stored = stored,
            },
        };
    }

    public static Answer Refused(string language, string text) =>
        Make(language, Texts.Get(language, nameof(Catalog.SchedQRefusedTitle)), text, ReplyKind.NotUnderstood) with { Understood = false };

    public static Answer Make(string language, string title, string text, ReplyKind kind) => new()
    {
        Understood = true,
        Intent = "schedule",
        Language = language,
        Text = text,
        Reply = new Reply { Kind = kind, Title = title, Text = text },
    };
}

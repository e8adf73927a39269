using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Watches;

/// <summary>The replies to watch sentences: intent "watch", with the <c>watch</c> structure and the question's metric, filters and period.</summary>
internal static class WatchAnswers
{
    public static Answer Set(ParsedQuestion q, string text, long id) => Make(q, Texts.Get(q.Language, nameof(Catalog.WatchSetTitle)) + $" (#{id})", text, ReplyKind.Answer, true);

    public static Answer Preview(ParsedQuestion q, string text) => Make(q, Texts.Get(q.Language, nameof(Catalog.WatchPreviewTitle)), text, ReplyKind.Answer, true);

    public static Answer Refused(ParsedQuestion q, string text) => Make(q, Texts.Get(q.Language, nameof(Catalog.WatchRefusedTitle)), text, ReplyKind.NotUnderstood, false);

    private static Answer Make(ParsedQuestion q, string title, string text, ReplyKind kind, bool understood) => new()
    {
        Understood = understood,
        Intent = "watch",
        Language = q.Language,
        Metric = q.Metric,
        Period = q.Period is { } p ? AnswerPeriod.From(p) : null,
        Filters = FilterText.ToJson(q.Filters),
        Watch = q.Watch,
        Text = text,
        Reply = new Reply { Kind = kind, Title = title, Text = text },
    };
}

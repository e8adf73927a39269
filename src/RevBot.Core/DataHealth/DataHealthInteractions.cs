using RevBot.Core.Answers;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.DataHealth;

/// <summary>
/// The data-health buttons: "Merge" (value "contact|id|id") opens a form to choose the record that survives;
/// submitting it merges; "Undo" (value: the merge's audit id) puts both records back. The form and replies are in the
/// presser's language (English when the adapter does not know it), and so are the merge's own messages.
/// </summary>
public sealed class DataHealthInteractions(RecordMerger merger, DataHealthQueries queries)
{
    public const string Merge = "data.merge";
    public const string Undo = "data.undo";
    public const string SurvivorField = "survivor";

    public async Task<Reply> PressAsync(string actionId, string value, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        language ??= Texts.Neutral;
        if (actionId == Undo)
        {
            var undone = long.TryParse(value, out var id)
                ? await merger.UndoAsync(id, userId, channel, language, ct)
                : new MergeResult(MergeStatus.NotFound, Texts.Get(language, nameof(Catalog.DataHealthNoSuchMerge)));
            return undone.Status == MergeStatus.Undone
                ? new Reply { Kind = ReplyKind.Answer, Title = Texts.Get(language, nameof(Catalog.DataHealthMergeUndoneTitle)), Text = undone.Message, Notice = undone.Message }
                : Refused(undone.Message, language);
        }
        if (actionId != Merge || !RecordMerger.TryParsePair(value, out var entity, out var first, out var second))
            return Refused(Texts.Get(language, nameof(Catalog.DataHealthUnknownButton)), language);
        var contact = entity == "contact";
        var labels = await queries.LabelsAsync(entity, [first, second], language, ct);
        var form = new ReplyForm
        {
            Id = Merge,
            Title = Texts.Get(language, contact ? nameof(Catalog.DataHealthMergeContacts) : nameof(Catalog.DataHealthMergeAccounts)),
            SubmitLabel = Texts.Get(language, nameof(Catalog.DataHealthMergeSubmit)),
            Intro = Texts.Get(language, contact ? nameof(Catalog.DataHealthMergeContactsIntro) : nameof(Catalog.DataHealthMergeAccountsIntro)),
            Fields =
            [
                new ReplyFormField
                {
                    Id = SurvivorField, Label = Texts.Get(language, nameof(Catalog.DataHealthKeep)), Kind = ReplyFieldKind.Choice, Required = true, Value = first,
                    Choices = [new ReplyChoice(first, Short(labels.GetValueOrDefault(first, first))), new ReplyChoice(second, Short(labels.GetValueOrDefault(second, second)))],
                },
            ],
            State = new ReplyFormState(value, 0, Guid.NewGuid().ToString("N")[..16]),
        };
        return new Reply { Kind = ReplyKind.Form, Title = form.Title, Text = form.Intro, Form = form };
    }

    public async Task<Reply> SubmitAsync(ReplyFormState state, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(values);
        language ??= Texts.Neutral;
        if (!RecordMerger.TryParsePair(state.RecordId, out var entity, out var first, out var second))
            return Refused(Texts.Get(language, nameof(Catalog.DataHealthFormUnreadable)), language);
        var survivor = values.GetValueOrDefault(SurvivorField);
        if (survivor != first && survivor != second) return Refused(Texts.Get(language, nameof(Catalog.DataHealthChooseSurvivor), first, second), language);
        var loser = survivor == first ? second : first;
        var result = await merger.MergeAsync(entity, survivor, loser, userId, channel, $"{state.IdempotencyKey}:{Merge}", language, ct);
        if (result.Status != MergeStatus.Merged) return Refused(result.Message, language);
        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = Texts.Get(language, nameof(Catalog.DataHealthMergedTitle)),
            Text = result.Message,
            Notice = result.Message,
            Actions = result.AuditId is { } audit ? [new ReplyAction(Undo, Texts.Get(language, nameof(Catalog.DataHealthUndoButton)), audit.ToString(System.Globalization.CultureInfo.InvariantCulture), ReplyActionStyle.Danger)] : [],
        };
    }

    /// <summary>Choice labels stay within what both platforms show in full (Slack options hold 75 characters).</summary>
    private static string Short(string label) => label.Length <= 75 ? label : label[..74] + "…";

    private static Reply Refused(string text, string language) =>
        new() { Kind = ReplyKind.Refused, Title = Texts.Get(language, nameof(Catalog.DataHealthNotMergedTitle)), Text = text };
}

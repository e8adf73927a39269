using RevBot.Core.Answers;
using RevBot.Core.Domain;
using RevBot.Core.Replies;

namespace RevBot.Core.DataHealth;

/// <summary>
/// The data-health buttons: "Merge" (value "contact|id|id") opens a form to choose the record that survives;
/// submitting it merges; "Undo" (value: the merge's audit id) puts both records back.
/// </summary>
public sealed class DataHealthInteractions(RecordMerger merger, DataHealthQueries queries)
{
    public const string Merge = "data.merge";
    public const string Undo = "data.undo";
    public const string SurvivorField = "survivor";

    public async Task<Reply> PressAsync(string actionId, string value, int? userId, ChangeChannel channel, CancellationToken ct)
    {
        if (actionId == Undo)
        {
            var undone = long.TryParse(value, out var id)
                ? await merger.UndoAsync(id, userId, channel, ct)
                : new MergeResult(MergeStatus.NotFound, "There is no such merge to undo.");
            return undone.Status == MergeStatus.Undone
                ? new Reply { Kind = ReplyKind.Answer, Title = "Merge undone", Text = undone.Message, Notice = undone.Message }
                : Refused(undone.Message);
        }
        if (actionId != Merge || !RecordMerger.TryParsePair(value, out var entity, out var first, out var second))
            return Refused("RevBot doesn't know that button.");
        var labels = await queries.LabelsAsync(entity, [first, second], ct);
        var form = new ReplyForm
        {
            Id = Merge,
            Title = entity == "contact" ? "Merge contacts" : "Merge accounts",
            SubmitLabel = "Merge",
            Intro = $"Everything attached to the other {entity} moves to the one you keep, and the other is removed. RevOps can undo this for 7 days.",
            Fields =
            [
                new ReplyFormField
                {
                    Id = SurvivorField, Label = "Keep", Kind = ReplyFieldKind.Choice, Required = true, Value = first,
                    Choices = [new ReplyChoice(first, Short(labels.GetValueOrDefault(first, first))), new ReplyChoice(second, Short(labels.GetValueOrDefault(second, second)))],
                },
            ],
            State = new ReplyFormState(value, 0, Guid.NewGuid().ToString("N")[..16]),
        };
        return new Reply { Kind = ReplyKind.Form, Title = form.Title, Text = form.Intro, Form = form };
    }

    public async Task<Reply> SubmitAsync(ReplyFormState state, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(values);
        if (!RecordMerger.TryParsePair(state.RecordId, out var entity, out var first, out var second)) return Refused("RevBot can't read that form any more.");
        var survivor = values.GetValueOrDefault(SurvivorField);
        if (survivor != first && survivor != second) return Refused($"Choose {first} or {second} to keep.");
        var loser = survivor == first ? second : first;
        var result = await merger.MergeAsync(entity, survivor, loser, userId, channel, $"{state.IdempotencyKey}:{Merge}", ct);
        if (result.Status != MergeStatus.Merged) return Refused(result.Message);
        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "Merged",
            Text = result.Message,
            Notice = result.Message,
            Actions = result.AuditId is { } audit ? [new ReplyAction(Undo, "Undo merge", audit.ToString(System.Globalization.CultureInfo.InvariantCulture), ReplyActionStyle.Danger)] : [],
        };
    }

    /// <summary>Choice labels stay within what both platforms show in full (Slack options hold 75 characters).</summary>
    private static string Short(string label) => label.Length <= 75 ? label : label[..74] + "…";

    private static Reply Refused(string text) => new() { Kind = ReplyKind.Refused, Title = "Not merged", Text = text };
}

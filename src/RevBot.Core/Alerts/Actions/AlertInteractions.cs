using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Actions;

/// <summary>
/// The alert buttons: "Snooze 7 days", "Dismiss" (a form asks why), "I'm on it". Each acts on every live alert of the
/// deals and accounts on the message, in one transaction with its audit entry, and answers with the message again with
/// a line saying who did what, which the adapter puts in place of the original so everyone in the channel sees it.
/// </summary>
public sealed class AlertInteractions(RevBotDb db, IOptions<AlertOptions> options, CompanyClock clock)
{
    public const string ReasonField = "reason";
    public const string NoteField = "note";

    public static readonly IReadOnlyList<ReplyChoice> Reasons =
    [
        new("not_relevant", "Not relevant"), new("handled", "Already handled"), new("data_wrong", "The data is wrong"), new("other", "Other"),
    ];

    public async Task<Reply> PressAsync(string actionId, string value, int? userId, ChangeChannel channel, CancellationToken ct)
    {
        if (!AlertActionValue.TryDecode(value, out var ids)) return DealReplies.Refused("Not understood", "That button is from an alert RevBot can no longer read.");
        if (await UserAsync(userId, ct) is not { } user) return DealReplies.Refused("Who are you?", "RevBot doesn't know who you are, so it can't record that. Ask an admin to map your chat account to a RevBot user.");
        var live = await AlertSubjects.LiveForAsync(db, ids, ct);
        if (live.Count == 0) return DealReplies.Refused("Already resolved", "The situation behind this alert has changed: there is nothing left to act on.");
        var days = options.Value.SnoozeDays;
        return actionId switch
        {
            AlertActionIds.Snooze => await ApplyAsync(live, user, channel, "snooze", $"Snoozed for {days} days by {user.Name}", s => s
                .SetProperty(a => a.State, AlertState.Snoozed).SetProperty(a => a.SnoozedUntil, clock.UtcNow.AddDays(days)), ct),
            AlertActionIds.Assign => await ApplyAsync(live, user, channel, "assign", $"{user.Name} is on it", s => s
                .SetProperty(a => a.AssignedUserId, user.Id), ct),
            AlertActionIds.Dismiss => DismissForm(value, live),
            _ => DealReplies.Refused("Not understood", "RevBot doesn't know that button."),
        };
    }

    public async Task<Reply> SubmitAsync(ReplyFormState state, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(values);
        if (!AlertActionValue.TryDecode(state.RecordId, out var ids)) return DealReplies.Refused("Not understood", "RevBot can't read that form any more.");
        if (await UserAsync(userId, ct) is not { } user) return DealReplies.Refused("Who are you?", "RevBot doesn't know who you are, so it can't record that.");
        var live = await AlertSubjects.LiveForAsync(db, ids, ct);
        if (live.Count == 0) return DealReplies.Refused("Already resolved", "The situation behind this alert has changed: there is nothing left to dismiss.");
        var reason = values.GetValueOrDefault(ReasonField)?.Trim();
        var choice = Reasons.FirstOrDefault(r => r.Value == reason);
        if (choice is null)
        {
            var form = DismissForm(state.RecordId, live).Form!;
            return new Reply { Kind = ReplyKind.Form, Title = form.Title, Text = "Pick a reason.", Form = form with { Fields = [.. form.Fields.Select(f => f.Id == ReasonField ? f with { Error = "Pick why you dismiss it." } : f)] } };
        }
        var note = values.GetValueOrDefault(NoteField)?.Trim();
        var text = string.IsNullOrEmpty(note) ? choice.Label : $"{choice.Label}: {(note.Length > 400 ? note[..400] : note)}";
        return await ApplyAsync(live, user, channel, "dismiss", $"Dismissed by {user.Name} ({text})", s => s
            .SetProperty(a => a.State, AlertState.Dismissed).SetProperty(a => a.DismissedByUserId, user.Id).SetProperty(a => a.DismissedReason, text), ct);
    }

    private async Task<Reply> ApplyAsync(List<Alert> live, User user, ChangeChannel channel, string action, string notice,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Alert>> set, CancellationToken ct)
    {
        var ids = live.Select(a => a.Id).ToList();
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Alerts.Where(a => ids.Contains(a.Id) && a.State != AlertState.Resolved)
            .ExecuteUpdateAsync(s => { set(s); s.SetProperty(a => a.Version, a => a.Version + 1); }, ct);
        foreach (var subject in live.GroupBy(a => a.SubjectId))
            db.AuditLog.Add(new AuditEntry
            {
                At = now, UserId = user.Id, Channel = channel, Entity = "alert", EntityId = subject.Key, Action = action,
                Changes = new JsonObject { ["alerts"] = new JsonArray([.. subject.Select(a => JsonValue.Create(a.Id))]), ["notice"] = notice }.ToJsonString(),
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Dismissed alerts keep only "Open deal": there is nothing left to do with them.
        return AlertMessages.Card(AlertSubjects.Group(live), options.Value, notice, actions: action != "dismiss");
    }

    private async Task<User?> UserAsync(int? userId, CancellationToken ct) =>
        userId is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;

    private static Reply DismissForm(string value, List<Alert> live)
    {
        var names = string.Join(", ", live.Select(a => a.SubjectName).Distinct());
        var form = new ReplyForm
        {
            Id = AlertActionIds.Dismiss, Title = "Dismiss alert", SubmitLabel = "Dismiss", Intro = names,
            State = new ReplyFormState(value, 0, Guid.NewGuid().ToString("N")),
            Fields =
            [
                new ReplyFormField { Id = ReasonField, Label = "Why?", Kind = ReplyFieldKind.Choice, Required = true, Choices = Reasons },
                new ReplyFormField { Id = NoteField, Label = "Note (optional)", Kind = ReplyFieldKind.Text, MaxLength = 400 },
            ],
        };
        return new Reply { Kind = ReplyKind.Form, Title = form.Title, Text = $"Dismiss the alert on {names}.", Form = form };
    }
}

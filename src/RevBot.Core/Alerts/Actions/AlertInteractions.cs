using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Actions;

/// <summary>
/// The alert buttons: "Snooze 7 days", "Dismiss" (a form asks why), "I'm on it". Each acts on every live alert of the
/// deals and accounts on the message, in one transaction with its audit entry, and answers with the message again with
/// a line saying who did what, which the adapter puts in place of the original so everyone in the channel sees it.
/// A single alert's card is redrawn in the presser's language (English when the adapter does not know it); a grouped
/// message's button acts on its row (or all rows) and redraws the group in the message's own language (<see cref="AlertGroupValue"/>).
/// </summary>
public sealed class AlertInteractions(RevBotDb db, IOptions<AlertOptions> options, IOptions<CompanyOptions> company, CompanyClock clock)
{
    public const string ReasonField = "reason";
    public const string NoteField = "note";

    /// <summary>Why an alert is dismissed, as the form offers it in <paramref name="language"/>.</summary>
    public static IReadOnlyList<ReplyChoice> Reasons(string language) =>
    [
        new("not_relevant", Texts.Get(language, nameof(Catalog.AlertDismissReasonNotRelevant))),
        new("handled", Texts.Get(language, nameof(Catalog.AlertDismissReasonHandled))),
        new("data_wrong", Texts.Get(language, nameof(Catalog.AlertDismissReasonDataWrong))),
        new("other", Texts.Get(language, nameof(Catalog.AlertDismissReasonOther))),
    ];

    public async Task<Reply> PressAsync(string actionId, string value, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        var lang = language ?? Texts.Neutral;
        if (AlertGroupValue.TryDecode(value, out var group)) return await PressGroupAsync(actionId, value, group, userId, channel, language, ct);
        if (!AlertActionValue.TryDecode(value, out var ids)) return Refused(lang, nameof(Catalog.AlertNotUnderstoodTitle), nameof(Catalog.AlertButtonUnreadable));
        if (await UserAsync(userId, ct) is not { } user) return Refused(lang, nameof(Catalog.AlertWhoAreYouTitle), nameof(Catalog.AlertWhoAreYouRecordMap));
        var live = await AlertSubjects.LiveForAsync(db, ids, ct);
        if (live.Count == 0) return Refused(lang, nameof(Catalog.AlertResolvedTitle), nameof(Catalog.AlertResolvedAct));
        var days = options.Value.SnoozeDays;
        return actionId switch
        {
            AlertActionIds.Snooze => await ApplyAsync(live, user, channel, "snooze", Texts.Get(lang, nameof(Catalog.AlertSnoozedBy), days, user.Name), lang, Snooze(days), ct),
            AlertActionIds.Assign => await ApplyAsync(live, user, channel, "assign", Texts.Get(lang, nameof(Catalog.AlertOnIt), user.Name), lang, Assign(user), ct),
            AlertActionIds.Dismiss => DismissForm(value, live, lang),
            _ => Refused(lang, nameof(Catalog.AlertNotUnderstoodTitle), nameof(Catalog.AlertButtonUnknown)),
        };
    }

    /// <summary>
    /// A button of a grouped message: it acts on its row's alerts (or every row's), and the message is redrawn whole, in
    /// its own language and with its title, each row with its state and its buttons. Refusals only the presser sees are
    /// in the presser's language.
    /// </summary>
    private async Task<Reply> PressGroupAsync(string actionId, string value, AlertGroupValue group, int? userId, ChangeChannel channel, string? presser, CancellationToken ct)
    {
        var lang = presser ?? group.Language;
        if (await UserAsync(userId, ct) is not { } user) return Refused(lang, nameof(Catalog.AlertWhoAreYouTitle), nameof(Catalog.AlertWhoAreYouRecordMap));
        var live = await AlertSubjects.LiveForAsync(db, group.Target is { } one ? [one] : group.Ids, ct);
        if (live.Count == 0) return Refused(lang, nameof(Catalog.AlertResolvedTitle), nameof(Catalog.AlertResolvedAct));
        var (days, said) = (options.Value.SnoozeDays, group.Language);
        return actionId switch
        {
            AlertActionIds.Snooze => await ApplyGroupAsync(group, live, user, channel, "snooze", Texts.Get(said, nameof(Catalog.AlertSnoozedBy), days, user.Name), Snooze(days), ct),
            AlertActionIds.Assign => await ApplyGroupAsync(group, live, user, channel, "assign", Texts.Get(said, nameof(Catalog.AlertOnIt), user.Name), Assign(user), ct),
            AlertActionIds.Dismiss => DismissForm(value, live, lang),
            _ => Refused(lang, nameof(Catalog.AlertNotUnderstoodTitle), nameof(Catalog.AlertButtonUnknown)),
        };
    }

    private Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Alert>> Snooze(int days)
    {
        var until = clock.UtcNow.AddDays(days);
        return s => s.SetProperty(a => a.State, AlertState.Snoozed).SetProperty(a => a.SnoozedUntil, until);
    }

    private static Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Alert>> Assign(User user) => s => s.SetProperty(a => a.AssignedUserId, user.Id);

    private static Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Alert>> Dismiss(User user, string text) => s => s
        .SetProperty(a => a.State, AlertState.Dismissed).SetProperty(a => a.DismissedByUserId, user.Id).SetProperty(a => a.DismissedReason, text);

    public async Task<Reply> SubmitAsync(ReplyFormState state, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(values);
        var grouped = AlertGroupValue.TryDecode(state.RecordId, out var group);
        var lang = language ?? (grouped ? group.Language : Texts.Neutral);
        IReadOnlyList<long> ids = grouped ? (group.Target is { } one ? [one] : group.Ids) : [];
        if (!grouped && !AlertActionValue.TryDecode(state.RecordId, out ids)) return Refused(lang, nameof(Catalog.AlertNotUnderstoodTitle), nameof(Catalog.AlertFormUnreadable));
        if (await UserAsync(userId, ct) is not { } user) return Refused(lang, nameof(Catalog.AlertWhoAreYouTitle), nameof(Catalog.AlertWhoAreYouRecord));
        var live = await AlertSubjects.LiveForAsync(db, ids, ct);
        if (live.Count == 0) return Refused(lang, nameof(Catalog.AlertResolvedTitle), nameof(Catalog.AlertResolvedDismiss));
        var reason = values.GetValueOrDefault(ReasonField)?.Trim();
        var choice = Reasons(lang).FirstOrDefault(r => r.Value == reason);
        if (choice is null)
        {
            var form = DismissForm(state.RecordId, live, lang).Form!;
            var error = Texts.Get(lang, nameof(Catalog.AlertPickWhy));
            return new Reply
            {
                Kind = ReplyKind.Form, Title = form.Title, Text = Texts.Get(lang, nameof(Catalog.AlertPickReason)),
                Form = form with { Fields = [.. form.Fields.Select(f => f.Id == ReasonField ? f with { Error = error } : f)] },
            };
        }
        var note = values.GetValueOrDefault(NoteField)?.Trim();
        var text = string.IsNullOrEmpty(note) ? choice.Label : $"{choice.Label}: {(note.Length > 400 ? note[..400] : note)}";
        return grouped
            ? await ApplyGroupAsync(group, live, user, channel, "dismiss", Texts.Get(group.Language, nameof(Catalog.AlertDismissedBy), user.Name, text), Dismiss(user, text), ct)
            : await ApplyAsync(live, user, channel, "dismiss", Texts.Get(lang, nameof(Catalog.AlertDismissedBy), user.Name, text), lang, Dismiss(user, text), ct);
    }

    private static Reply Refused(string language, string title, string text) => DealReplies.Refused(Texts.Get(language, title), Texts.Get(language, text));

    private async Task<Reply> ApplyAsync(List<Alert> live, User user, ChangeChannel channel, string action, string notice, string language,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Alert>> set, CancellationToken ct)
    {
        await WriteAsync(live, user, channel, action, notice, set, ct);
        // Redrawn with its facts as they are now. Dismissed alerts keep only "Open deal": there is nothing left to do with them.
        var subjects = AlertSubjects.Group(live);
        var facts = await AlertSubjectFactsQuery.ForAsync(db, subjects, clock.UtcNow, clock.Today, company.Value.Currency, ct);
        subjects = await AlertSubjects.WithDetailsAsync(db, subjects, facts, ct);
        return AlertMessages.Card(subjects, options.Value, notice, actions: action != "dismiss", language);
    }

    /// <summary>Acts on a grouped message's row (or all its rows), then redraws the whole group; the notice names the row.</summary>
    private async Task<Reply> ApplyGroupAsync(AlertGroupValue group, List<Alert> live, User user, ChangeChannel channel, string action, string notice,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Alert>> set, CancellationToken ct)
    {
        await WriteAsync(live, user, channel, action, notice, set, ct);
        var rows = await AlertGroupRedraw.RowsAsync(db, group, clock, company.Value.Currency, ct);
        var named = group.Target is null ? notice : Texts.Get(group.Language, nameof(Catalog.AlertGroupNotice), live[0].SubjectName, notice);
        return AlertGroupMessage.Build(rows, group with { Target = null }, options.Value, named);
    }

    /// <summary>The change and its audit entries, in one transaction.</summary>
    private async Task WriteAsync(List<Alert> live, User user, ChangeChannel channel, string action, string notice,
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
    }

    private async Task<User?> UserAsync(int? userId, CancellationToken ct) =>
        userId is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;

    private static Reply DismissForm(string value, List<Alert> live, string language)
    {
        var names = string.Join(", ", live.Select(a => a.SubjectName).Distinct());
        var form = new ReplyForm
        {
            Id = AlertActionIds.Dismiss, Title = Texts.Get(language, nameof(Catalog.AlertDismissTitle)), SubmitLabel = Texts.Get(language, nameof(Catalog.AlertDismiss)),
            Intro = names, State = new ReplyFormState(value, 0, Guid.NewGuid().ToString("N")),
            Fields =
            [
                new ReplyFormField { Id = ReasonField, Label = Texts.Get(language, nameof(Catalog.AlertDismissWhy)), Kind = ReplyFieldKind.Choice, Required = true, Choices = Reasons(language) },
                new ReplyFormField { Id = NoteField, Label = Texts.Get(language, nameof(Catalog.AlertDismissNote)), Kind = ReplyFieldKind.Text, MaxLength = 400 },
            ],
        };
        return new Reply { Kind = ReplyKind.Form, Title = form.Title, Text = Texts.Get(language, nameof(Catalog.AlertDismissText), names), Form = form };
    }
}

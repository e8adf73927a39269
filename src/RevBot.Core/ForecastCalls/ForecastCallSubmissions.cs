using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// Saves a submitted call. Deals marked in or out of commit go first, each as a normal deal command (forecast category,
/// the version the form showed, its own idempotency key: permissions, stale checks, audit and CRM write-back as any
/// change). Then, in one transaction, the call's two snapshots (updated when the person already called this week) and
/// the submission's key in <c>applied_commands</c>: a twin delivery finds the key (or loses on it) and gets the first
/// answer back, storing nothing again. The caller has checked who and when (<see cref="ForecastCallInteractions"/>).
/// </summary>
public sealed class ForecastCallSubmissions(RevBotDb db, DealCommandService deals, ForecastCallReader reader, TimeProvider time)
{
    private const string CommandKind = "fcall.submit";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Reply> SubmitAsync(ForecastCallCallState state, ReplyFormState form, IReadOnlyDictionary<string, string?> values, int userId, ChangeChannel channel, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        if (await ReplayAsync(form, language, ct) is { } replay) return replay;
        var call = await db.ForecastCalls.AsNoTracking().FirstAsync(c => c.Id == state.CallId, ct);
        var view = await reader.ViewAsync(call, state.OwnerId, state.Team, ct);
        var actor = await CommandGate.ActorAsync(db, userId, ct);
        if (view is null || actor is null) return ForecastCallCards.Refused(language, Texts.Get(language, nameof(Catalog.FcallGone)));

        var errors = new Dictionary<string, string>();
        var commit = Read(values, ForecastCallActionIds.CommitField, language, errors);
        var best = Read(values, ForecastCallActionIds.BestCaseField, language, errors);
        if (commit is { } c && best is { } b && b < c) errors[ForecastCallActionIds.BestCaseField] = Texts.Get(language, nameof(Catalog.FcallBestBelowCommit));
        if (errors.Count > 0) return Again(view, form, values, errors, language);

        var notes = state.Team ? [] : await ApplyDealsAsync(values, view, form, userId, channel, language, ct);
        var outcome = new Outcome(commit!.Value, best!.Value, notes);
        try
        {
            await StoreAsync(call, state, actor, form, outcome, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsOn(ex, db.Model, typeof(AppliedCommand), typeof(ForecastSnapshot)))
        {
            // A twin delivery saved first: its answer is this one's.
            db.ChangeTracker.Clear();
            return await ReplayAsync(form, language, ct) ?? throw new InvalidOperationException("The forecast call was saved by another delivery but its outcome is not readable.", ex);
        }
        return await CardAsync(call, state, outcome, language, ct);
    }

    /// <summary>The answer a submission already saved got, as the card as it is now; null when the key is new.</summary>
    public async Task<Reply?> ReplayAsync(ReplyFormState form, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CommandGate.StoredOutcomeAsync(db, Key(form), ct) is not { } json) return null;
        if (!ForecastCallCallState.TryDecode(form.RecordId, out var state)) return null;
        var call = await db.ForecastCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == state.CallId, ct);
        var outcome = JsonSerializer.Deserialize<Outcome>(json, Json);
        return call is null || outcome is null ? null : await CardAsync(call, state, outcome, language, ct);
    }

    private async Task<Reply> CardAsync(ForecastCall call, ForecastCallCallState state, Outcome outcome, string language, CancellationToken ct)
    {
        var view = await reader.ViewAsync(call, state.OwnerId, state.Team, ct);
        if (view is null) return ForecastCallCards.Refused(language, Texts.Get(language, nameof(Catalog.FcallGone)));
        var notice = Texts.Get(language, nameof(Catalog.FcallSubmittedNotice),
            ForecastCallCards.Money(outcome.Commit, view.Currency, language), ForecastCallCards.Money(outcome.BestCase, view.Currency, language));
        var notes = outcome.Notes.Select(n => n.Refusal is { } r ? Texts.Get(language, nameof(Catalog.FcallDealRefused), n.Deal, r) : null).OfType<string>().ToList();
        var changed = outcome.Notes.Count(n => n.Refusal is null);
        if (changed > 0) notes.Insert(0, Texts.Get(language, changed == 1 ? nameof(Catalog.FcallDealsChangedOne) : nameof(Catalog.FcallDealsChangedOther), changed));
        return ForecastCallCards.Card(view, language, string.Join(' ', [notice, .. notes]));
    }

    private async Task StoreAsync(ForecastCall call, ForecastCallCallState state, User actor, ReplyFormState form, Outcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (commitKind, bestKind) = state.Team ? (ForecastCallKinds.TeamCommit, ForecastCallKinds.TeamBestCase) : (ForecastCallKinds.Commit, ForecastCallKinds.BestCase);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (kind, amount) in new[] { (commitKind, outcome.Commit), (bestKind, outcome.BestCase) })
        {
            var row = await db.ForecastSnapshots.FirstOrDefaultAsync(f => f.CallId == call.Id && f.OwnerId == state.OwnerId && f.Kind == kind, ct);
            if (row is null)
            {
                row = new ForecastSnapshot { CallId = call.Id, OwnerId = state.OwnerId, Kind = kind, PeriodStart = call.PeriodStart, PeriodEnd = call.PeriodEnd };
                db.ForecastSnapshots.Add(row);
            }
            row.Amount = amount;
            row.TakenAt = now;
            row.SubmittedById = actor.Id;
            row.Team = state.Team ? call.Team : null;
        }
        CommandGate.Record(db, Key(form), CommandKind, call.Id.ToString(CultureInfo.InvariantCulture), actor, now, JsonSerializer.Serialize(outcome, Json));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Each deal whose category the form changed, through the deal command path; what was refused is said, not hidden.</summary>
    private async Task<List<DealNote>> ApplyDealsAsync(IReadOnlyDictionary<string, string?> values, ForecastCallView view, ReplyFormState form, int userId, ChangeChannel channel, string language, CancellationToken ct)
    {
        var notes = new List<DealNote>();
        foreach (var (field, value) in values)
        {
            if (!field.StartsWith(ForecastCallActionIds.DealFieldPrefix, StringComparison.Ordinal) || string.IsNullOrEmpty(value)) continue;
            var parts = field[ForecastCallActionIds.DealFieldPrefix.Length..].Split(':', 2);
            if (parts is not [var v, var dealId] || !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) continue;
            var shown = view.Deals.FirstOrDefault(d => d.Id == dealId);
            // Unchanged from what the form showed: nothing to write (the deal may have moved on since; that is not this call's business).
            if (shown is not null && shown.ForecastCategory is { } current && EnumText.Format(current) == value) continue;
            var key = $"{Key(form)}:{dealId}";
            var result = await deals.ExecuteAsync(new DealCommand
            {
                Kind = DealCommandKind.Update, DealId = dealId, ExpectedVersion = version, IdempotencyKey = key.Length > DealCommandService.MaxKeyLength ? key[..DealCommandService.MaxKeyLength] : key,
                UserId = userId, Channel = channel, Language = language, Changes = new DealFieldChanges { ForecastCategory = value },
            }, ct);
            var name = shown?.Name ?? dealId;
            if (result.Status == DealCommandStatus.Applied) notes.Add(new DealNote(name, null));
            else if (result.Status != DealCommandStatus.Unchanged) notes.Add(new DealNote(name, result.Message));
        }
        return notes;
    }

    private static Reply Again(ForecastCallView view, ReplyFormState form, IReadOnlyDictionary<string, string?> values, Dictionary<string, string> errors, string language)
    {
        var again = ForecastCallCards.Form(view, form, language);
        again = again with { Fields = [.. again.Fields.Select(f => f with { Value = values.GetValueOrDefault(f.Id) ?? f.Value, Error = errors.GetValueOrDefault(f.Id) })] };
        var message = string.Join(' ', errors.Values);
        return new Reply { Kind = ReplyKind.Form, Title = again.Title, Text = message, Form = again };
    }

    private static decimal? Read(IReadOnlyDictionary<string, string?> values, string field, string language, Dictionary<string, string> errors)
    {
        var text = values.GetValueOrDefault(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = Texts.Get(language, field == ForecastCallActionIds.CommitField ? nameof(Catalog.FcallRequiredCommit) : nameof(Catalog.FcallRequiredBestCase));
            return null;
        }
        if (AmountReader.TryRead(text, language, out var amount, out var error)) return amount;
        errors[field] = error;
        return null;
    }

    private static string Key(ReplyFormState form) => $"{form.IdempotencyKey}:{CommandKind}";

    /// <summary>What <c>applied_commands.outcome</c> keeps: the numbers and what became of each deal marked.</summary>
    private sealed record Outcome(decimal Commit, decimal BestCase, IReadOnlyList<DealNote> Notes);

    private sealed record DealNote(string Deal, string? Refusal);
}

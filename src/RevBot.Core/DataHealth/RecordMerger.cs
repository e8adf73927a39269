using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Storage;

namespace RevBot.Core.DataHealth;

/// <summary>
/// Merges a duplicate contact or account into the one chosen to survive, in one transaction: the survivor takes the
/// other's deals, activities, contacts (and subscriptions, tickets, usage), fills its empty fields from it, and the
/// other is removed. The audit entry keeps the removed record whole and every moved id, so a RevOps user can undo
/// the merge within <see cref="UndoWindow"/>. Managers and RevOps may merge. Replays, the acting user and who may merge
/// go through the same path as deal commands (<see cref="CommandGate"/>, <see cref="DealPermissions"/>). Messages are
/// in the presser's language; a replay gets the first outcome's message back as it was written.
/// </summary>
public sealed class RecordMerger(RevBotDb db, CompanyClock clock)
{
    public static readonly TimeSpan UndoWindow = TimeSpan.FromDays(7);

    private static readonly string[] ContactFields = [nameof(Contact.FirstName), nameof(Contact.LastName), nameof(Contact.Email), nameof(Contact.Title), nameof(Contact.Phone)];
    private static readonly string[] AccountFields = [nameof(Account.Domain), nameof(Account.Industry), nameof(Account.Segment), nameof(Account.Region), nameof(Account.Country), nameof(Account.Employees), nameof(Account.OwnerId)];

    public async Task<MergeResult> MergeAsync(string entity, string survivorId, string loserId, int? userId, ChangeChannel channel, string key, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (entity is not ("contact" or "account") || survivorId == loserId) return new(MergeStatus.Invalid, Texts.Get(language, nameof(Catalog.DataHealthChooseTwo)));
        // The same submission delivered again gets the first outcome back, merging nothing.
        if (await CommandGate.StoredOutcomeAsync(db, key, ct) is { } outcome && JsonNode.Parse(outcome) is JsonObject first)
            return new(MergeStatus.Merged, (string?)first["message"] ?? "", (long?)first["auditId"]);
        if (await CommandGate.ActorAsync(db, userId, ct) is not { } actor) return Refused(DealPermissions.UnknownUser(language, nameof(Catalog.DataHealthUnknownMergeUser)));
        if (DealPermissions.MergeRefusal(actor, language) is { } refusal) return Refused(refusal);

        var (survivor, loser) = entity == "contact"
            ? ((object?)await db.Contacts.FirstOrDefaultAsync(c => c.Id == survivorId, ct), (object?)await db.Contacts.FirstOrDefaultAsync(c => c.Id == loserId, ct))
            : (await db.Accounts.FirstOrDefaultAsync(a => a.Id == survivorId, ct), await db.Accounts.FirstOrDefaultAsync(a => a.Id == loserId, ct));
        if (survivor is null || loser is null) return new(MergeStatus.NotFound, Texts.Get(language, nameof(Catalog.DataHealthRecordGone)));

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var loserEntry = db.Entry(loser);
        var record = new JsonObject
        {
            ["loser"] = RecordSnapshot.Take(loserEntry),
            ["filled"] = RecordSnapshot.Fill(db.Entry(survivor), loserEntry, entity == "contact" ? ContactFields : AccountFields),
            ["moved"] = entity == "account" ? await AccountMove.MoveAsync(db, loserId, survivorId, ct) : new JsonObject(),
        };
        db.Remove(loser);
        var audit = new AuditEntry { At = now, UserId = actor.Id, Channel = channel, Entity = entity, EntityId = survivorId, Action = "merge", Changes = record.ToJsonString() };
        db.AuditLog.Add(audit);
        var message = entity == "account"
            ? Texts.Get(language, nameof(Catalog.DataHealthMergedAccountsMessage), actor.Name, survivorId, loserId, AccountMove.Summary(record["moved"]!.AsObject(), language))
            : Texts.Get(language, nameof(Catalog.DataHealthMergedMessage), actor.Name, survivorId, loserId);
        try
        {
            await db.SaveChangesAsync(ct);
            CommandGate.Record(db, key, "data.merge", survivorId, actor, now, new JsonObject { ["message"] = message, ["auditId"] = audit.Id }.ToJsonString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone merged (or removed) one of the two at the same moment: nothing of this merge is kept.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new(MergeStatus.NotFound, Texts.Get(language, nameof(Catalog.DataHealthChangedWhileMerging)));
        }
        return new(MergeStatus.Merged, message, audit.Id);
    }

    private async Task<MergeResult> UndoCoreAsync(long mergeId, int? userId, ChangeChannel channel, string language, CancellationToken ct)
    {
        if (await CommandGate.ActorAsync(db, userId, ct) is not { } actor) return Refused(DealPermissions.UnknownUser(language, nameof(Catalog.DataHealthUnknownUndoUser)));
        if (DealPermissions.UndoMergeRefusal(actor, language) is { } refusal) return Refused(refusal);
        var merge = await db.AuditLog.AsNoTracking().FirstOrDefaultAsync(a => a.Id == mergeId && a.Action == "merge", ct);
        if (merge is null || JsonNode.Parse(merge.Changes ?? "{}") is not JsonObject record || record["loser"] is not JsonObject loserJson)
            return new(MergeStatus.NotFound, Texts.Get(language, nameof(Catalog.DataHealthNoSuchMerge)));
        var now = clock.UtcNow;
        if (now - merge.At > UndoWindow)
            return new(MergeStatus.Refused, Texts.Get(language, nameof(Catalog.DataHealthUndoTooLate), UndoWindow.Days, DealText.Ago(merge.At, now, language)));
        var marker = new JsonObject { ["merge"] = mergeId }.ToJsonString();
        if (await db.AuditLog.AnyAsync(a => a.Entity == merge.Entity && a.EntityId == merge.EntityId && a.Action == "unmerge" && a.Changes == marker, ct))
            return new(MergeStatus.Refused, Texts.Get(language, nameof(Catalog.DataHealthAlreadyUndone)));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        object loser = merge.Entity == "contact" ? new Contact { Id = "" } : new Account { Id = "", Name = "" };
        var loserEntry = db.Entry(loser);
        RecordSnapshot.Restore(loserEntry, loserJson);
        var loserId = (string)loserEntry.Property("Id").CurrentValue!;
        object? survivor = merge.Entity == "contact"
            ? await db.Contacts.FirstOrDefaultAsync(c => c.Id == merge.EntityId, ct)
            : await db.Accounts.FirstOrDefaultAsync(a => a.Id == merge.EntityId, ct);
        var taken = merge.Entity == "contact" ? await db.Contacts.AnyAsync(c => c.Id == loserId, ct) : await db.Accounts.AnyAsync(a => a.Id == loserId, ct);
        if (taken) return new(MergeStatus.Refused, Texts.Get(language, nameof(Catalog.DataHealthIdTaken), loserId));
        db.Add(loser);
        if (survivor is not null) RecordSnapshot.Unfill(db.Entry(survivor), record["filled"] as JsonObject);
        await db.SaveChangesAsync(ct);
        if (merge.Entity == "account" && record["moved"] is JsonObject moved) await AccountMove.MoveBackAsync(db, moved, merge.EntityId, loserId, ct);
        db.AuditLog.Add(new AuditEntry { At = now, UserId = actor.Id, Channel = channel, Entity = merge.Entity, EntityId = merge.EntityId, Action = "unmerge", Changes = marker });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(MergeStatus.Undone, Texts.Get(language, nameof(Catalog.DataHealthUndoneMessage), actor.Name, loserId));
    }

    /// <summary>Undo, where a second undo of the same merge at the same moment fails on the re-created record's key.</summary>
    public async Task<MergeResult> UndoAsync(long mergeId, int? userId, ChangeChannel channel, string language, CancellationToken ct)
    {
        try
        {
            return await UndoCoreAsync(mergeId, userId, channel, language, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new(MergeStatus.Refused, Texts.Get(language, nameof(Catalog.DataHealthAlreadyUndone)));
        }
    }

    private static MergeResult Refused(Refusal refusal) =>
        new(refusal.Reason == RefusalReason.UnknownUser ? MergeStatus.UnknownUser : MergeStatus.Refused, refusal.Text);

    /// <summary>The merge's survivor and loser, as the Merge button names them ("contact|con-1|con-2").</summary>
    public static bool TryParsePair(string? value, out string entity, out string first, out string second)
    {
        var parts = value?.Split('|') ?? [];
        (entity, first, second) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : ("", "", "");
        return entity is "contact" or "account" && first.Length > 0 && second.Length > 0 && first != second;
    }
}
